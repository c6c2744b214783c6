/**
 * One palette for every built-in table, so that tiers look alike across
 * presets: the best tier green, then yellow and orange, the worst red, and
 * grey for "dead" or inactive customers. Light fills with a dark font of the
 * same hue (Excel's Good / Neutral / Bad styles), readable when printed.
 */
export const SWATCHES = {
  deepGreen: { fill: '#A9D08E', font: '#1E4620' },
  green: { fill: '#C6EFCE', font: '#006100' },
  lightGreen: { fill: '#E2EFDA', font: '#375623' },
  lime: { fill: '#EEF5D3', font: '#4F6228' },
  paleYellow: { fill: '#FFF2CC', font: '#7F6000' },
  yellow: { fill: '#FFEB9C', font: '#9C5700' },
  lightOrange: { fill: '#FCE4D6', font: '#843C0C' },
  orange: { fill: '#F8CBAD', font: '#843C0C' },
  red: { fill: '#FFC7CE', font: '#9C0006' },
  blue: { fill: '#DDEBF7', font: '#1F4E78' },
  grey: { fill: '#E7E6E6', font: '#3A3838' },
} as const satisfies Record<string, { fill: string; font: string }>;
