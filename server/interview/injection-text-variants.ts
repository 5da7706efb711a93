/**
 * The forms of a sentence the injection patterns are matched against. An attacker disguises the
 * words ("Ignоre" with a Cyrillic о, "１gn0re", "I g n o r e", zero-width spaces, fullwidth or
 * mathematical letters); real design talk has none of that, so undoing the disguise costs no false
 * alarm. The plain form is kept too: folding look-alikes would garble genuine Russian or Greek.
 */

// Look-alike letters of other scripts and small capitals, mapped to the Latin letter they imitate.
const LOOK_ALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ɡ: 'g',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  У: 'Y',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ғ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ǫ: 'q',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
}
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu')

// Digits and signs standing for letters, undone only inside words that mix them with letters
// ("pr0mpt"), never in numbers ("10/10", "p99" keeps its 9: it has no letter-for-digit meaning).
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
}
const LEET_WORD = /[\p{L}0-9@$]*(?:\p{L}[0-9@$]|[0-9@$]\p{L})[\p{L}0-9@$]*/gu

// Zero-width and soft-hyphen characters, which split a word without showing.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g
// Three or more single letters spaced out: "I g n o r e".
const SPACED_LETTERS = /(?<![\p{L}\p{N}])(?:\p{L} ){2,}\p{L}(?![\p{L}\p{N}])/gu

/** The plain form (compatibility-normalised, invisible characters gone) and the unmasked form. */
export function textVariants(sentence: string): string[] {
  const plain = sentence.normalize('NFKC').replace(INVISIBLE, '').replace(/[’‘]/g, "'")
  const unmasked = plain
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c] ?? c)
    .replace(SPACED_LETTERS, (run) => run.replace(/ /g, ''))
    .replace(LEET_WORD, (word) =>
      /\p{L}/u.test(word) ? word.replace(/[0-9@$]/g, (c) => LEET[c] ?? c) : word,
    )
  return unmasked === plain ? [plain] : [plain, unmasked]
}
