// OneStop ID: passkeys, as a progressive enhancement of ordinary forms.
// Loaded with <script type="module" src="/assets/passkeys.js"></script> on pages that offer passkeys.
//
// Each [data-passkey] block holds a hidden form with the server's WebAuthn options (data-options, JSON,
// binary fields in base64url) and hidden State and Credential fields. Where the browser has WebAuthn, this
// shows the form; on submit it asks the browser for a passkey (navigator.credentials.create for
// [data-passkey-create], .get for [data-passkey-get]), writes the answer as JSON into Credential and
// submits the form normally. Without this file the block says that passkeys need JavaScript.

const supported = typeof window.PublicKeyCredential === 'function' && !!navigator.credentials

function toBuffer (base64url) {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes.buffer
}

function toBase64url (buffer) {
  let binary = ''
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function withIds (list) {
  return (list || []).map(c => ({ ...c, id: toBuffer(c.id) }))
}

function creationOptions (json) {
  const options = JSON.parse(json)
  options.challenge = toBuffer(options.challenge)
  options.user.id = toBuffer(options.user.id)
  options.excludeCredentials = withIds(options.excludeCredentials)
  return options
}

function requestOptions (json) {
  const options = JSON.parse(json)
  options.challenge = toBuffer(options.challenge)
  options.allowCredentials = withIds(options.allowCredentials)
  return options
}

function serialise (credential) {
  const r = credential.response
  const response = { clientDataJSON: toBase64url(r.clientDataJSON) }
  if (r.attestationObject) {
    response.attestationObject = toBase64url(r.attestationObject)
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : []
  } else {
    response.authenticatorData = toBase64url(r.authenticatorData)
    response.signature = toBase64url(r.signature)
    if (r.userHandle) response.userHandle = toBase64url(r.userHandle)
  }
  const json = {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    response,
    clientExtensionResults: {}
  }
  if (credential.authenticatorAttachment) json.authenticatorAttachment = credential.authenticatorAttachment
  return json
}

function send (form, credential) {
  form.elements.Credential.value = JSON.stringify(serialise(credential))
  form.submit()
}

function showError (form) {
  const message = form.querySelector('[data-passkey-error]')
  if (!message) return
  message.textContent = form.dataset.error
  message.hidden = false
}

async function offerInAutofill (form, abort) {
  if (typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function') return
  if (!(await PublicKeyCredential.isConditionalMediationAvailable())) return
  try {
    const credential = await navigator.credentials.get({ publicKey: requestOptions(form.dataset.options), mediation: 'conditional', signal: abort.signal })
    if (credential) send(form, credential)
  } catch {
    // Aborted for the button, or dismissed: the button is still there.
  }
}

for (const block of document.querySelectorAll('[data-passkey]')) {
  const form = block.querySelector('form')
  const notice = block.querySelector('[data-passkey-unavailable]')
  if (!form) continue
  if (!supported) {
    if (notice && block.dataset.unsupported) notice.textContent = block.dataset.unsupported
    continue
  }
  block.hidden = false
  if (notice) notice.hidden = true
  form.hidden = false

  const creating = form.hasAttribute('data-passkey-create')
  const autofill = new AbortController()
  if (form.dataset.conditional === 'true') offerInAutofill(form, autofill)

  form.addEventListener('submit', async event => {
    // A passkey needs a name first: let the server say so rather than make one that cannot be kept.
    if (creating && !form.elements.Name.value.trim()) return
    event.preventDefault()
    autofill.abort()
    try {
      const credential = creating
        ? await navigator.credentials.create({ publicKey: creationOptions(form.dataset.options) })
        : await navigator.credentials.get({ publicKey: requestOptions(form.dataset.options) })
      if (credential) send(form, credential)
    } catch {
      showError(form)
    }
  })
}
