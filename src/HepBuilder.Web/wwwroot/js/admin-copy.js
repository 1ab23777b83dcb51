// Copy buttons: <button data-copy-target="input-id" data-copied-text="Copied">. Falls back to selecting the text
// when the clipboard API is unavailable (plain http, older browsers), so the admin can press Ctrl+C.
document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-copy-target]") : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const field = document.getElementById(button.dataset.copyTarget ?? "");
    if (!(field instanceof HTMLInputElement)) return;
    const original = button.textContent;
    try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = button.dataset.copiedText ?? "Copied";
    } catch {
        field.focus();
        field.select();
        button.textContent = "Press Ctrl+C to copy";
    }
    setTimeout(() => { button.textContent = original; }, 2500);
});
