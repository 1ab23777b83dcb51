// Site-wide behaviour, loaded on every page (CSP allows no inline scripts, so it lives here).

// Busy state for anything slower than a blink: <button data-busy-text="Saving…"> shows a spinner and that text
// while its form is on its way, and the form cannot be sent twice.
window.hepBusy = (() => {
    const saved = new WeakMap();

    function start(button) {
        if (!(button instanceof HTMLButtonElement) || saved.has(button)) return;
        saved.set(button, { html: button.innerHTML, width: button.style.minWidth });
        const text = button.dataset.busyText;
        if (text) {
            // Kept as wide as it was, so the layout does not jump under the pointer.
            button.style.minWidth = `${button.offsetWidth}px`;
            button.innerHTML = '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>';
            button.append(text);
        }
        button.setAttribute("aria-busy", "true");
        button.classList.add("is-busy");
        // Disabled only after this event: a button disabled while the form is being sent would drop its own
        // name=value from what is posted.
        setTimeout(() => { if (saved.has(button)) button.disabled = true; }, 0);
    }

    function stop(button) {
        const before = saved.get(button);
        if (!before) return;
        saved.delete(button);
        button.innerHTML = before.html;
        button.style.minWidth = before.width;
        button.disabled = false;
        button.removeAttribute("aria-busy");
        button.classList.remove("is-busy");
    }

    function stopAll() {
        document.querySelectorAll("form[data-submitting]").forEach((f) => delete f.dataset.submitting);
        document.querySelectorAll("button.is-busy").forEach(stop);
    }

    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
        if (form.dataset.submitting === "1") { event.preventDefault(); return; }
        form.dataset.submitting = "1";
        start(event.submitter);
        // A form that answers with a download leaves this page in place; give it back after a while. A page that
        // navigates away never runs this.
        setTimeout(stopAll, 15000);
    });

    // Back/forward cache: the page comes back exactly as it was left, spinner and all.
    window.addEventListener("pageshow", (event) => { if (event.persisted) stopAll(); });

    return { start, stop };
})();

// Confirmation before destructive actions: <button data-confirm="Archive this patient?">.
document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("[data-confirm]") : null;
    if (target && !window.confirm(target.getAttribute("data-confirm") ?? "Are you sure?")) event.preventDefault();
});
