/**
 * The question id: the whole title as a slug, leading "The" kept (`the-payment-race-condition`),
 * so the id reads like the title and two titles that differ only by an article cannot collide.
 */
export function slugifyTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
