// Busy state on submit: disables the button and prevents double submits of slow actions.
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if (form.dataset.submitting === "1") { event.preventDefault(); return; }
    form.dataset.submitting = "1";
    const button = event.submitter;
    if (button instanceof HTMLButtonElement && button.dataset.busyText) {
        button.textContent = button.dataset.busyText;
    }
    if (button instanceof HTMLButtonElement) button.setAttribute("aria-disabled", "true");
    // A download (no navigation) must not leave the form locked.
    setTimeout(() => { delete form.dataset.submitting; button?.removeAttribute("aria-disabled"); }, 4000);
});

// Confirmation before destructive actions: <button data-confirm="Archive this patient?">.
document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-confirm]") : null;
    if (target && !window.confirm(target.getAttribute("data-confirm") ?? "Are you sure?")) event.preventDefault();
});
