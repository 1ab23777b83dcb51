// Live preview on the exercise edit form: the server renders the patient's card from the form as it stands
// (same partial and same dose wording as the handout), so the preview never disagrees with the real thing.
(() => {
    const form = document.getElementById("exercise-form");
    const preview = document.getElementById("exercise-preview");
    if (!form || !preview) return;
    let timer = 0;
    let latest = 0;
    const refresh = async () => {
        const ticket = ++latest;
        try {
            const response = await fetch(form.dataset.previewUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" });
            if (!response.ok || ticket !== latest) return;
            preview.innerHTML = await response.text();
        } catch {
            // Offline or signed out: keep the last preview; saving will report any real problem.
        }
    };
    form.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
    });
})();
