import type {
  ConnectionStatus,
  InterviewProgress,
  ProviderInfo,
} from '../hooks/interview-reducer.js'

const connectionText: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: waiting for the network',
  refused: 'Closed by the server',
}

type StatusBarProps = {
  connection: ConnectionStatus
  provider: ProviderInfo | null
  progress: InterviewProgress | null
  clock: { label: string; text: string; overtime: boolean } | null
  mode: 'mock' | 'drill'
}

/** Clock, follow-up budget, connection and provider: fixed-width cells so nothing shifts. */
export function InterviewStatusBar({
  connection,
  provider,
  progress,
  clock,
  mode,
}: StatusBarProps) {
  return (
    <dl className="status-bar" aria-label="Interview status">
      <div className="status-cell">
        <dt>{clock?.label ?? 'Clock'}</dt>
        <dd className={clock?.overtime ? 'clock overtime' : 'clock'}>
          <span role="timer">{clock?.text ?? '–'}</span>
        </dd>
      </div>
      {mode === 'mock' ? (
        <div className="status-cell">
          <dt>Follow-ups</dt>
          <dd>{progress ? `${progress.followUpsAsked} of ${progress.followUpBudget}` : '–'}</dd>
        </div>
      ) : (
        <div className="status-cell">
          <dt>Tally</dt>
          <dd data-testid="drill-tally">
            {progress?.drillTally
              ? `${progress.drillTally.solid} solid of ${progress.drillTally.answered}`
              : '0 solid of 0'}
          </dd>
        </div>
      )}
      <div className="status-cell">
        <dt>Connection</dt>
        <dd className={`connection connection-${connection}`}>
          <span role="status">{connectionText[connection]}</span>
        </dd>
      </div>
      <div className="status-cell">
        <dt>Interviewer</dt>
        <dd title={provider ? describeProvider(provider) : undefined}>
          {provider ? describeProvider(provider) : '–'}
        </dd>
      </div>
    </dl>
  )
}

export function describeProvider(provider: ProviderInfo): string {
  return provider.provider === 'offline' ? 'Offline engine (no LLM)' : `Model ${provider.model}`
}
