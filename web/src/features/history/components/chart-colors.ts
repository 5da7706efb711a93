/** Line colours of the score chart, shared with its legend; the overall line is the first. */
export const CHART_COLORS = [
  '#2f6fde',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#c92a2a',
  '#0b7285',
  '#845ef7',
  '#5c940d',
]

export const chartColor = (index: number) => CHART_COLORS[index % CHART_COLORS.length]!
