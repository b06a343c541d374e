// Guildhall portal charts. A page declares a chart as data, never as script (the CSP forbids inline scripts):
//   <canvas data-chart='{"kind":"bar","labels":["W1","W2"],"series":[{"label":"My share","data":[12.5,null]}],
//                        "target":17,"unit":"%"}' role="img" aria-label="..."></canvas>
// kinds: "gauge" (one value against the target), "bar", "line", "hbar" (horizontal bars). A null value is a gap
// (for example a suppressed group); the table next to every chart says what it is. "target" draws the target line.
(function () {
  'use strict';

  var PALETTE = ['#1f5fa8', '#b3541e', '#2e7d4f', '#7b3fa0', '#8a6d00', '#0f6e75'];
  var TARGET_COLOUR = '#b00020';

  function targetSeries(config) {
    return {
      type: 'line',
      label: 'Target (' + config.target + (config.unit || '') + ')',
      data: config.labels.map(function () { return config.target; }),
      borderColor: TARGET_COLOUR,
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
      order: 0
    };
  }

  function gauge(canvas, config) {
    var value = Math.max(0, config.value || 0);
    var max = config.max || Math.max(2 * config.target, value);
    var below = value < config.target;
    return new Chart(canvas, {
      type: 'doughnut',
      data: {
        labels: [config.label || 'Share', 'Rest of the scale'],
        datasets: [{
          data: [Math.min(value, max), Math.max(0, max - value)],
          backgroundColor: [below ? '#b3541e' : '#2e7d4f', '#e4e7eb'],
          borderWidth: 0
        }]
      },
      options: {
        rotation: -90,
        circumference: 180,
        cutout: '70%',
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 2,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { enabled: false } }
      }
    });
  }

  function axes(config) {
    var horizontal = config.kind === 'hbar';
    var valueAxis = {
      beginAtZero: true,
      suggestedMax: config.target ? config.target * 1.5 : undefined,
      ticks: { callback: function (v) { return v + (config.unit || ''); } }
    };
    return horizontal ? { x: valueAxis } : { y: valueAxis };
  }

  function series(canvas, config) {
    var datasets = (config.series || []).map(function (s, i) {
      return {
        type: config.kind === 'line' ? 'line' : 'bar',
        label: s.label,
        data: s.data,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        spanGaps: false,
        order: 1
      };
    });
    if (config.target !== undefined && config.target !== null && config.kind !== 'hbar') {
      datasets.push(targetSeries(config));
    }
    return new Chart(canvas, {
      type: config.kind === 'line' ? 'line' : 'bar',
      data: { labels: config.labels, datasets: datasets },
      options: {
        indexAxis: config.kind === 'hbar' ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: axes(config),
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function draw(root) {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.color = '#1f2933';
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      try {
        var config = JSON.parse(canvas.getAttribute('data-chart'));
        if (config.kind === 'gauge') {
          gauge(canvas, config);
        } else {
          series(canvas, config);
        }
        canvas.dataset.drawn = 'true';
      } catch (e) {
        // The table next to the chart still carries the numbers.
        canvas.setAttribute('hidden', '');
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSettle', function (event) { draw(event.detail.elt || document); });
})();
