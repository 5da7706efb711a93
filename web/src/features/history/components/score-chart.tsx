import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { ChartData } from '../hooks/chart-series.js'
import { timeRange } from '../hooks/time-range.js'
import { chartColor } from './chart-colors.js'

/**
 * Scores over time as a uPlot line chart (loaded lazily with this module). The canvas is hidden
 * from assistive technology: the history table beside it carries the same numbers.
 */
export default function ScoreChart({ data }: { data: ChartData }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const host = ref.current
    if (!host) return
    const width = () => Math.max(280, Math.min(host.clientWidth || 640, 900))
    const styles = getComputedStyle(document.documentElement)
    const axisColor = styles.getPropertyValue('--text-muted').trim() || '#666'
    const axis: uPlot.Axis = {
      stroke: axisColor,
      grid: { stroke: 'rgba(128,128,128,0.2)' },
      ticks: { stroke: axisColor },
    }
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        scales: {
          x: { time: true, range: (_u, min, max) => timeRange(data.times, min, max) },
          y: { range: [0, 10] },
        },
        // uPlot's own legend shows cursor values ("--" with no cursor); the page draws its own.
        legend: { show: false },
        axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((t) => String(t)) }],
        series: [
          {},
          ...data.series.map((s, i) => ({
            label: s.name,
            stroke: chartColor(i),
            width: i === 0 ? 3 : 1.5,
            spanGaps: true,
            points: { show: true },
          })),
        ],
      },
      [data.times, ...data.series.map((s) => s.values)],
      host,
    )
    const resize = () => plot.setSize({ width: width(), height: 260 })
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      plot.destroy()
    }
  }, [data])
  return <div ref={ref} className="score-chart" aria-hidden="true" />
}
