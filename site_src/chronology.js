// Chronology filter: show or hide entries by kind, without a server. The page works without it.
(function () {
  var filter = document.querySelector(".filter");
  if (!filter) return;
  filter.hidden = false;
  filter.addEventListener("change", function () {
    var shown = {};
    filter.querySelectorAll("input[data-kind]").forEach(function (box) { shown[box.dataset.kind] = box.checked; });
    document.querySelectorAll(".timeline li[data-kind]").forEach(function (item) {
      item.hidden = !shown[item.dataset.kind];
    });
  });
})();
