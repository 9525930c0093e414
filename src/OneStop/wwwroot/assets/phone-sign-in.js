// OneStop: "sign in with your phone" – optional help for the computer's waiting page.
// Without this file the person presses "continue" after approving on the phone. With it, the page asks
// every few seconds whether the phone has answered and, once it has, presses "continue" for them: the
// change of page follows their own action on the phone. It never reloads the page, never moves focus
// while waiting, and stops asking when the code expires (the page then says so when they continue).
const form = document.querySelector('form[data-phone-sign-in-status]')

if (form) {
  const statusUrl = form.getAttribute('data-phone-sign-in-status')
  // Milliseconds left by the server's clock, so a wrong clock on the computer does not matter.
  const until = Date.now() + Number(form.getAttribute('data-phone-sign-in-left'))
  const every = 3000

  const ask = async () => {
    if (Date.now() > until) return
    try {
      const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (response.ok) {
        const { state } = await response.json()
        if (state === 'approved' || state === 'declined') {
          form.requestSubmit()
          return
        }
      } else if (response.status === 404) {
        return
      }
    } catch {
      // A dropped connection is not an answer; ask again.
    }
    window.setTimeout(ask, every)
  }

  window.setTimeout(ask, every)
}
