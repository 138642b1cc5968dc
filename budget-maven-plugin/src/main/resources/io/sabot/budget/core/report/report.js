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

  specs.forEach(function (spec) {
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
  });
  document.body.setAttribute('data-charts-rendered', String(rendered));
})();
