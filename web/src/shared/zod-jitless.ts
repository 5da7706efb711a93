import { z } from 'zod'

/*
 * Zod 4 compiles a faster object parser with `new Function`, after probing once whether eval is
 * allowed. Our CSP (script-src 'self', no 'unsafe-eval') refuses it; the probe's error is caught,
 * but the browser still reports a CSP violation on every page. jitless skips the probe and the
 * compiled path (the same parse, by the interpreter). Object schemas read this when they are
 * built, so main.tsx imports this module before any module that defines a schema.
 */
z.config({ jitless: true })
