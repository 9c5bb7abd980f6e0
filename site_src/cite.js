// "Cite this": adds the reader's own access date, which a static page cannot know in advance.
(function () {
  document.querySelectorAll(".cite .accessed").forEach(function (note) {
    note.querySelector("span").textContent = new Date().toISOString().slice(0, 10);
    note.hidden = false;
  });
})();
