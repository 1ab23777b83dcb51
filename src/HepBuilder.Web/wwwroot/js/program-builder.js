// The program builder without full reloads. Every action is still an ordinary form post to a named handler (so the
// page works without this file); here the same posts go through fetch and only the changed regions are replaced.
(() => {
    const form = document.getElementById("builder");
    const root = document.getElementById("builder-root");
    if (!form || !root) return;
    const programId = root.dataset.program;
    const handlerUrl = (handler, extra = "") => `/Programs/${programId}/Edit?handler=${handler}${extra}`;
    let thumbUrl = null;
    let leaving = false;
    let editing = false;

    const isDirty = () => String(form.elements["Input.Dirty"]?.value).toLowerCase() === "true";
    const markDirty = () => { const f = form.elements["Input.Dirty"]; if (f) f.value = "true"; };

    const debounce = (fn, ms) => { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; };

    // Posts the whole form (plus the pressed button's own name/value) and replaces the given regions from the answer.
    async function post(url, submitter, regions, { focus = true } = {}) {
        const body = submitter ? new FormData(form, submitter) : new FormData(form);
        let response;
        try {
            response = await fetch(url, { method: "POST", body, credentials: "same-origin" });
        } catch {
            return false;
        }
        const html = await response.text();
        const doc = new DOMParser().parseFromString(html, "text/html");
        const next = doc.getElementById("builder-root");
        if (!next) {
            // Not the builder (the draft was issued elsewhere, or the program is gone): show whatever the server said.
            window.location.assign(response.url);
            return false;
        }
        for (const id of regions) {
            const current = document.getElementById(id);
            const replacement = doc.getElementById(id);
            if (current && replacement) current.replaceWith(document.adoptNode(replacement));
        }
        // The cards' fields are left alone while typing (focus and caret stay); their dose sentences follow the server's.
        if (!regions.includes("program-panel")) {
            document.querySelectorAll("#program-items > li").forEach((card, i) => {
                const fresh = doc.querySelectorAll("#program-items > li")[i]?.querySelector(".dose-sentence");
                const shown = card.querySelector(".dose-sentence");
                if (fresh && shown) shown.replaceWith(document.adoptNode(fresh));
            });
        }
        if (focus && next.dataset.focus) document.getElementById(next.dataset.focus)?.focus();
        enableSorting();
        refreshThumbnail();
        return true;
    }

    const refreshThumbnail = debounce(async () => {
        const img = document.getElementById("handout-thumb");
        if (!img) return;
        const response = await fetch(handlerUrl("Thumbnail"), { method: "POST", body: new FormData(form), credentials: "same-origin" });
        if (!response.ok) return;
        const url = URL.createObjectURL(await response.blob());
        img.src = url;
        if (thumbUrl) URL.revokeObjectURL(thumbUrl);
        thumbUrl = url;
    }, 600);

    const editRegions = ["builder-status", "program-panel", "summary"];

    // Issue asks "frozen once issued?" only of a draft that can be issued: the server checks first. A draft it would
    // refuse is posted as it is, and the page comes back with every problem listed at the top.
    let issueChecked = false;
    async function checkIssue(button) {
        let ok = false;
        try {
            const response = await fetch(handlerUrl("IssueCheck"), { method: "POST", body: new FormData(form), credentials: "same-origin" });
            ok = response.status === 204;
        } catch { /* offline: let the plain post say what happened */ }
        if (ok && !window.confirm(button.dataset.confirmIssue)) return;
        issueChecked = true;
        form.requestSubmit(button);
    }

    // Capture phase: runs before site.js's busy-state handler, which leaves prevented submits alone.
    document.addEventListener("submit", (event) => {
        if (event.target !== form) return;
        const submitter = event.submitter;
        if (submitter?.hasAttribute("data-issue") && !issueChecked) {
            event.preventDefault();
            event.stopImmediatePropagation();
            checkIssue(submitter);
            return;
        }
        if (submitter?.hasAttribute("data-js-plain")) { leaving = true; return; }
        event.preventDefault();
        const library = submitter?.hasAttribute("data-library");
        // One change at a time: a second Save (or Enter in a field) while one is on its way would post it twice and
        // the second would meet the first's new xmin as a conflict. Library searches only replace the results.
        if (!library && editing) return;
        const url = submitter?.formAction || form.action;
        const regions = library ? ["library-results"] : editRegions;
        // The same spinner as a full-page post (site.js); the button may be replaced by the answer, then it simply goes.
        const busy = submitter?.dataset.busyText ? submitter : null;
        if (busy) window.hepBusy?.start(busy);
        if (!library) editing = true;
        post(url, submitter, regions, { focus: !library }).finally(() => {
            if (!library) editing = false;
            if (busy) window.hepBusy?.stop(busy);
        });
    }, true);

    // Live summary: the dose sentences come from the server, the same code that prints the handout.
    const refreshSummary = debounce(() => post(handlerUrl("Refresh"), null, ["summary"], { focus: false }), 400);
    document.addEventListener("input", (event) => {
        if (event.target instanceof Element && event.target.closest("#program-panel")) {
            markDirty();
            refreshSummary();
        }
    });

    // Library: search as you type and filter on change, replacing only the results.
    const search = debounce(() => post(handlerUrl("Refresh"), null, ["library-results"], { focus: false }), 300);
    document.getElementById("library-q")?.addEventListener("input", search);
    document.querySelectorAll("#library select[data-library]").forEach((s) => s.addEventListener("change", search));

    // Drag and drop reorders through the same Move handler as the buttons.
    function enableSorting() {
        const list = document.getElementById("program-items");
        if (!list || list.dataset.sortable || typeof Sortable === "undefined") return;
        list.dataset.sortable = "1";
        Sortable.create(list, {
            handle: ".drag-handle",
            animation: 150,
            onEnd: (e) => {
                if (e.oldIndex === e.newIndex) return;
                markDirty();
                post(handlerUrl("Move", `&index=${e.oldIndex}&to=${e.newIndex}`), null, editRegions, { focus: false });
            },
        });
    }
    enableSorting();
    root.classList.add("js-builder");
    // A full page answer (a refused Issue, a save conflict) puts focus where the server says: the summary of what to fix.
    if (root.dataset.focus) document.getElementById(root.dataset.focus)?.focus();
    // The summary's links move focus to their field, not only the view, so the clinician can type at once.
    document.addEventListener("click", (event) => {
        const link = event.target instanceof Element ? event.target.closest("#issue-errors a[href^='#']") : null;
        const field = link ? document.getElementById(link.getAttribute("href").slice(1)) : null;
        if (!field) return;
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
    });
    // The image's own URL draws the saved draft; after a full post-back with unsaved changes (an issue refused for a
    // missing override reason, say) the page shows more than that, so draw page 1 from the form as it stands.
    if (isDirty()) refreshThumbnail();

    window.addEventListener("beforeunload", (event) => {
        if (isDirty() && !leaving) event.preventDefault();
    });
})();
