import { MemorySessionStore } from '../../../server/sessions/memory-session-store.js'
import { describeSessionStoreContract } from './session-store-contract.js'

describeSessionStoreContract('MemorySessionStore', async () => new MemorySessionStore())
