// Apply a saved theme choice before first paint, so a dark page never flashes light.
// A file of its own, not inline in index.html: the Content-Security-Policy allows no inline script.
try {
  var t = localStorage.getItem('sparring:theme')
  if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t
} catch (e) {}
