/**
 * The markup models write for themselves rather than for the reader, as OpenAI-compatible servers
 * leave it in `content` when their template, reasoning parser, tool parser or stop tokens do not
 * match the model. The tables only; strip-model-markup.ts reads the text against them.
 */

/** A span of markup whose text is never for the reader. */
export type Block = {
  open: string
  /** Tags that end the block, removed with it; null: the block runs to the end of the reply. */
  close: readonly string[] | null
  /** Tags that end the block and begin what follows (left in the text): harmony's next header. */
  until?: readonly string[]
  kind: 'reasoning' | 'tool-call'
}

/** Reasoning blocks as tags, and the bracket or token forms some models use instead. */
const REASONING: readonly [string, string][] = [
  ...['think', 'thinking', 'reasoning', 'thought', 'seed:think'].map((n): [string, string] => [
    `<${n}>`,
    `</${n}>`,
  ]),
  // Magistral 2509 in raw text (llama.cpp), OpenThinker / Sky-T1, Kimi's thinking models.
  ['[THINK]', '[/THINK]'],
  ['<|begin_of_thought|>', '<|end_of_thought|>'],
  ['◁think▷', '◁/think▷'],
]

const TOOL_TAGS = ['tool_call', 'tool_calls', 'function_call']

export const BLOCKS: readonly Block[] = [
  ...REASONING.map(([open, close]) => ({ open, close: [close], kind: 'reasoning' as const })),
  ...TOOL_TAGS.map((n) => ({ open: `<${n}>`, close: [`</${n}>`], kind: 'tool-call' as const })),
  // `<function=name>{json}</function>`: the open form's tail (name and `>`) is inside the block.
  { open: '<function=', close: ['</function>'], kind: 'tool-call' },
  { open: '<｜tool▁calls▁begin｜>', close: ['<｜tool▁calls▁end｜>'], kind: 'tool-call' },
  // Kimi K2.
  {
    open: '<|tool_calls_section_begin|>',
    close: ['<|tool_calls_section_end|>'],
    kind: 'tool-call',
  },
  { open: '[TOOL_CALLS]', close: null, kind: 'tool-call' },
  { open: '<|python_tag|>', close: null, kind: 'tool-call' },
  // Granite.
  { open: '<|tool_call|>', close: null, kind: 'tool-call' },
]

/**
 * A closing reasoning tag with no opening: the server's template opened the block in the prompt
 * (DeepSeek-R1 distills, Qwen3 served without a reasoning parser), so all before it is reasoning.
 */
export const ORPHAN_CLOSERS: readonly string[] = REASONING.map(([, close]) => close)

/**
 * End-of-turn and turn-start special tokens left in `content` when a server's stop tokens do not
 * match the model (ChatML, Llama 3, Gemma, Mistral, Phi, DeepSeek, GPT-2 style): the reply is
 * over, and what follows (the model writing the next user turn) is not for the reader.
 * `<|end|>` is not here: harmony uses it between messages (strip-model-markup.ts).
 */
export const END_OF_TURN: readonly string[] = [
  '<|im_end|>',
  '<|im_start|>',
  '<|eot_id|>',
  '<|eom_id|>',
  '<|start_header_id|>',
  '<|end_of_text|>',
  '<|endoftext|>',
  '</s>',
  '<eos>',
  '<end_of_turn>',
  '<start_of_turn>',
  '<|user|>',
  '<｜end▁of▁sentence｜>',
  '<｜User｜>',
  '[INST]',
]

/**
 * gpt-oss "harmony" tokens, as llama.cpp, vLLM and Ollama leave them when they do not parse the
 * format: `<|channel|>analysis<|message|>…<|end|><|start|>assistant<|channel|>final<|message|>…`.
 */
export const HARMONY = {
  channel: '<|channel|>',
  start: '<|start|>',
  message: '<|message|>',
  constrain: '<|constrain|>',
  end: '<|end|>',
  /** The reply's end after the final message, and after a tool call. */
  stops: ['<|return|>', '<|call|>'],
} as const

/** What ends a harmony message (analysis, commentary) and what begins the next one. */
export const HARMONY_MESSAGE_END = {
  close: [HARMONY.end, ...HARMONY.stops],
  until: [HARMONY.start, HARMONY.channel],
} as const
