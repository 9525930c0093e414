// OneStop: start GOV.UK Frontend's JavaScript components.
// Loaded with <script type="module" src="/assets/onestop.js"></script>.
// It does what the GOV.UK page template's inline script does (our
// Content-Security-Policy forbids inline scripts). Only browsers that run ES
// modules get here, which is exactly what GOV.UK Frontend requires. Every page
// must also work without this file.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
