// Draws the charts of report.html from the JSON in #budget-report-data with uPlot (inlined above).
// Every failure is recorded through budgetReportError (see the page head); the number of charts that
// produced a canvas is published in body[data-charts-rendered] so tests and people can see it.
(function () {
  'use strict';
  var record = window.budgetReportError || function () {};
  var rendered = 0;
  var specs = [];
  try {
    specs = JSON.parse(document.getElementById('budget-report-data').textContent);
  } catch (e) {
    record('chart data: ' + e.message);
  }

  function format(v) {
    if (v == null || !isFinite(v)) {
      return '-';
    }
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e7 || a < 1e-3)) {
      return v.toExponential(2);
    }
    if (a >= 1000) {
      return Math.round(v).toLocaleString('en-US');
    }
    return String(Number(v.toPrecision(4)));
  }

  function categoryTicks(labels) {
    return function (u, splits) {
      return splits.map(function (v) {
        return Number.isInteger(v) && labels[v] != null ? labels[v] : '';
      });
    };
  }

  function series(spec) {
    return spec.series.map(function (s) {
      var out = {
        label: s.label,
        stroke: s.color,
        width: 1.5,
        value: function (u, v) { return v == null ? '-' : format(v) + ' ' + spec.unit; }
      };
      if (s.style === 'points') {
        out.paths = function () { return null; };
        out.points = { show: true, size: 7, stroke: s.color, fill: s.color };
      } else if (s.style === 'limit') {
        out.width = 2;
        out.dash = [10, 5];
        out.points = { show: false };
      } else if (s.style === 'reference') {
        out.dash = [4, 4];
        out.points = { show: false };
      } else {
        out.points = { show: true, size: 6 };
      }
      return out;
    });
  }

  function options(spec, element) {
    var labels = spec.xLabels;
    var xSeries = {
      label: spec.xLabel,
      value: function (u, v) { return v == null ? '-' : (labels ? labels[v] : String(v)); }
    };
    return {
      width: Math.max(320, Math.min(element.clientWidth || 720, 960)),
      height: 280,
      scales: {
        // half a step of room on both sides, so edge points and labels are not cut off
        x: { time: false, range: function (u, min, max) { return [min - 0.5, max + 0.5]; } },
        // linear, over the range ChartSpecs chose (a limit far from the samples stays off it)
        y: { range: function () { return [spec.yMin, spec.yMax]; } }
      },
      axes: [
        { label: spec.xLabel, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000], values: labels ? categoryTicks(labels) : undefined },
        { label: spec.unit, size: 80, values: function (u, splits) { return splits.map(function (v) { return v == null ? '' : format(v); }); } }
      ],
      series: [xSeries].concat(series(spec))
    };
  }

  function draw(spec) {
    try {
      var element = document.getElementById(spec.id);
      if (!element) {
        throw new Error('no element with id ' + spec.id);
      }
      var data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
      new uPlot(options(spec, element), data, element);
      if (!element.querySelector('canvas')) {
        throw new Error('uPlot drew no canvas');
      }
      element.setAttribute('data-rendered', 'true');
      rendered++;
    } catch (e) {
      record('chart ' + spec.id + ': ' + (e && e.message ? e.message : e));
    }
    document.body.setAttribute('data-charts-rendered', String(rendered));
  }

  // Up to EAGER_CHARTS charts are drawn when the page opens; a larger report draws each chart when it comes
  // near the window: a page of 1,000 benchmarks (3,000 charts) then paints at once, and a chart hidden by
  // the search is never drawn. body[data-charts-rendered] counts the charts drawn so far.
  var EAGER_CHARTS = 60;
  var lazy = specs.length > EAGER_CHARTS && 'IntersectionObserver' in window;
  document.body.setAttribute('data-charts-lazy', String(lazy));
  if (lazy) {
    var byId = {};
    specs.forEach(function (spec) { byId[spec.id] = spec; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(byId[entry.target.id]);
        }
      });
    }, { rootMargin: '600px 0px' });
    specs.forEach(function (spec) {
      var element = document.getElementById(spec.id);
      if (element) {
        observer.observe(element);
      } else {
        draw(spec); // records the missing element
      }
    });
  } else {
    specs.forEach(draw);
  }
  document.body.setAttribute('data-charts-rendered', String(rendered));

  // The search box: hides the check rows and benchmark sections whose text does not contain every word typed.
  // The page's address can carry a search (report.html#search=fail), so a link can point at a filtered view.
  var input = document.getElementById('search-text');
  var count = document.getElementById('search-count');
  var searchable = null;
  function filter() {
    if (searchable === null) { // the text of every check row and benchmark section, read once at the first search
      searchable = Array.prototype.slice.call(document.querySelectorAll('tr.check, article.benchmark')).map(function (e) {
        return { element: e, text: e.textContent.toLowerCase() };
      });
    }
    var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    searchable.forEach(function (item) {
      var element = item.element;
      var text = item.text;
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      element.hidden = !match;
      if (match && element.tagName === 'TR') {
        shown++;
      }
    });
    filterForest(words);
    count.textContent = words.length === 0 ? '' : shown + ' matching check' + (shown === 1 ? '' : 's');
    document.body.setAttribute('data-search', words.join(' '));
  }
  // The forest plot follows the search: its rows that do not match are hidden and the others close up,
  // so a filtered page shows the chart of what is listed. svg[data-shown] counts the rows shown.
  var forest = null;
  function filterForest(words) {
    var svg = document.querySelector('svg.forest-rows');
    if (!svg) {
      return;
    }
    if (forest === null) {
      forest = Array.prototype.slice.call(svg.querySelectorAll('g.forest-row')).map(function (g) {
        var holder = g.parentNode && g.parentNode.nodeName.toLowerCase() === 'a' ? g.parentNode : g;
        var text = [g.getAttribute('data-check'), g.getAttribute('data-benchmark'), g.getAttribute('data-verdict'), g.textContent];
        return { row: g, holder: holder, text: text.join(' ').toLowerCase() };
      });
    }
    var rowHeight = Number(svg.getAttribute('data-row-height'));
    var shown = 0;
    forest.forEach(function (item) {
      var text = item.text;
      if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
        item.holder.removeAttribute('display');
        item.row.setAttribute('transform', 'translate(0,' + shown * rowHeight + ')');
        shown++;
      } else {
        item.holder.setAttribute('display', 'none');
      }
    });
    var height = shown * rowHeight + 2;
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', '0 0 ' + svg.getAttribute('width') + ' ' + height);
    Array.prototype.forEach.call(svg.children, function (child) {
      if (child.nodeName.toLowerCase() === 'line') {
        child.setAttribute('y2', String(height));
      }
    });
    svg.setAttribute('data-shown', String(shown));
  }
  if (input) {
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(filter, 120);
    });
    var fromAddress = /^#search=(.*)$/.exec(window.location.hash);
    if (fromAddress) {
      try {
        input.value = decodeURIComponent(fromAddress[1]);
      } catch (e) {
        input.value = fromAddress[1];
      }
      filter();
    }
  }
})();
