// Sorting, filtering and search for the investments table of report.html. Written for corpus_tools;
// no network, no library. Without it the page shows every row.
(function () {
  "use strict";
  var table = document.getElementById("investments-table");
  var form = document.getElementById("filters");
  if (!table || !form) return;
  var words = JSON.parse(document.getElementById("report-words").textContent);
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.getElementById("rows-shown");
  form.hidden = false;

  function value(row, key) { return row.getAttribute("data-" + key) || ""; }

  function sortBy(header) {
    var column = header.cellIndex;
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var keyed = rows.map(function (row, index) {
      var cell = row.cells[column];
      var key = cell.getAttribute("data-sort");
      if (key === null) key = cell.textContent.trim().toLowerCase();
      return {row: row, key: numeric ? (key === "" ? -Infinity : parseFloat(key)) : key, index: index};
    });
    keyed.sort(function (a, b) {
      var order = a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index;
      return ascending ? order : -order;
    });
    keyed.forEach(function (item) { body.appendChild(item.row); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var button = th.querySelector("button");
    if (button) button.addEventListener("click", function () { sortBy(th); });
  });

  function field(name) { return form.elements[name].value.trim(); }

  // A date known to the month or the year ("2024-05") spans it: the first and last day it may be.
  function earliest(date) { return date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date; }
  function latest(date) { return date.length === 4 ? date + "-12-31" : date.length === 7 ? date + "-31" : date; }

  function apply() {
    var text = field("q").toLowerCase(), investor = field("investor"), recipient = field("recipient");
    var kind = field("kind"), lang = field("lang"), from = field("from"), to = field("to");
    var low = parseFloat(field("min")), high = parseFloat(field("max"));
    var shown = 0;
    rows.forEach(function (row) {
      var eur = parseFloat(value(row, "eur")), date = value(row, "date");
      var keep = (!text || value(row, "search").indexOf(text) !== -1)
        && (!investor || value(row, "investors").split("\n").indexOf(investor) !== -1)
        && (!recipient || value(row, "recipient") === recipient)
        && (!kind || value(row, "kind") === kind)
        && (!lang || value(row, "langs").split(" ").indexOf(lang) !== -1)
        && (!from || (date && latest(date) >= from)) && (!to || (date && earliest(date) <= to))
        && (isNaN(low) || eur >= low * 1e6) && (isNaN(high) || eur <= high * 1e6);
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    count.textContent = words.rows_shown.replace("{shown}", shown).replace("{total}", rows.length);
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
