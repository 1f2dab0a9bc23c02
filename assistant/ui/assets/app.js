() => {
  // [n] in an answer → show that turn's sources, focus card n (its cited words are the <mark>).
  const showCitation = (id) => {
    const card = document.getElementById(id);
    if (!card) return;
    const turn = card.closest(".turn");
    document.querySelectorAll(".sources-panel .turn.active").forEach((t) => t !== turn && t.classList.remove("active"));
    if (turn) turn.classList.add("active");
    document.querySelectorAll(".cite-card.focused").forEach((c) => c.classList.remove("focused"));
    card.classList.add("focused");
    card.scrollIntoView({ block: "nearest" });
  };
  // Gradio's copy buttons copy the message source (HTML here): copy the text a reader sees instead.
  const messageText = (row) => (row.querySelector(".message-content") || row).innerText.trim();
  const copyText = (button) => {
    if (button.getAttribute("aria-label") === "Copy conversation") {
      const rows = button.closest(".wrapper, .block")?.querySelectorAll(".message-row") || [];
      return Array.from(rows).map((r) => (r.classList.contains("user-row") ? "user: " : "assistant: ") + messageText(r)).join("\n\n");
    }
    let row = button.closest(".message-buttons")?.previousElementSibling;
    while (row && !row.classList.contains("message-row")) row = row.previousElementSibling;
    return row ? messageText(row) : null;
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a.cite");
    if (link) {
      event.preventDefault();
      event.stopPropagation();
      showCitation(link.getAttribute("href").slice(1));
      return;
    }
    const button = event.target.closest && event.target.closest('button[aria-label="Copy message"], button[aria-label="Copy conversation"]');
    if (button && navigator.clipboard) {
      const text = copyText(button);
      if (text === null) return;
      event.preventDefault();
      event.stopPropagation();
      navigator.clipboard.writeText(text).then(() => {
        button.classList.add("copied-plain");
        setTimeout(() => button.classList.remove("copied-plain"), 1200);
      });
    }
  }, true);
}
