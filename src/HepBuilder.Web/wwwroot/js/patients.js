// Patient form: "Add another precaution" adds a blank row in place. Without JavaScript the same button posts the form
// back and the server adds the row, so this is only a convenience.
document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("[data-add-precaution]") : null;
    const list = document.querySelector(".precaution-rows");
    const rows = list ? list.querySelectorAll(".precaution-row") : [];
    if (!button || !list || rows.length === 0) return;
    event.preventDefault();

    const index = rows.length;
    const row = rows[rows.length - 1].cloneNode(true);
    // Names look like Input.Precautions[3].Kind and ids like Input_Precautions_3__Kind: renumber both.
    const renumber = (value) => value.replace(/Precautions(\[|_)\d+/, (_, sep) => `Precautions${sep}${index}`);
    for (const el of row.querySelectorAll("[name], [id], [for], [data-valmsg-for]")) {
        for (const attr of ["name", "id", "for", "data-valmsg-for"]) {
            const value = el.getAttribute(attr);
            if (value) el.setAttribute(attr, renumber(value));
        }
    }
    for (const el of row.querySelectorAll("input, select")) {
        if (el.type === "checkbox") el.checked = false;
        // ASP.NET's marker that a number field is posted in invariant culture holds the field's name.
        else if (el.name === "__Invariant") el.value = renumber(el.value);
        else el.value = "";
        el.classList.remove("input-validation-error");
    }
    for (const message of row.querySelectorAll(".field-validation-error")) message.textContent = "";
    const kindLabel = row.querySelector("label[data-kind-label]");
    if (kindLabel) kindLabel.textContent = `Kind (precaution ${index + 1})`;

    list.appendChild(row);
    row.querySelector("select")?.focus();
    if (index + 1 >= Number(button.dataset.max || 20)) button.hidden = true;
});
