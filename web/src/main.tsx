// First: zod must be jitless before any schema is built (see the module).
import './shared/zod-jitless.js'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.js'
import './app/styles.css'
import { ClientDepsProvider, createBrowserDeps } from './shared/api/client-deps.js'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <ClientDepsProvider deps={createBrowserDeps()}>
      <App />
    </ClientDepsProvider>
  </StrictMode>,
)
