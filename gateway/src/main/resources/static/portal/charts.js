// Guildhall portal charts. A page declares a chart as data, never as script (the CSP forbids inline scripts):
//   <canvas data-chart='{"kind":"bar","labels":["W1","W2"],"series":[{"label":"My share","data":[12.5,null]}],
//                        "target":17,"unit":"%"}' role="img" aria-label="..."></canvas>
// kinds: "gauge" (one value against the target, marked on the arc; amber above "warnAbove"), "bar", "line", "hbar" (horizontal bars). A null value is a gap
// (for example a suppressed group); the table next to every chart says what it is. "target" draws the target line;
// "min" and "max" fix the value axis (progress: 0 to 100).
(function () {
  'use strict';

  var PALETTE = ['#1f5fa8', '#b3541e', '#2e7d4f', '#7b3fa0', '#8a6d00', '#0f6e75'];
  var TARGET_COLOUR = '#b00020';
  var AMBER = '#b7791f';

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

  // The target as a mark across the gauge's arc, labelled with its value.
  var targetMark = {
    id: 'guildhallTargetMark',
    afterDatasetsDraw: function (chart) {
      var config = chart.options.guildhallGauge;
      var arc = chart.getDatasetMeta(0).data[0];
      if (!config || !arc || !config.target) {
        return;
      }
      var angle = Math.PI + Math.PI * Math.min(1, config.target / config.max);
      var cos = Math.cos(angle);
      var sin = Math.sin(angle);
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = TARGET_COLOUR;
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(arc.x + cos * (arc.innerRadius - 4), arc.y + sin * (arc.innerRadius - 4));
      ctx.lineTo(arc.x + cos * (arc.outerRadius + 6), arc.y + sin * (arc.outerRadius + 6));
      ctx.stroke();
      ctx.fillStyle = TARGET_COLOUR;
      ctx.font = '600 12px ' + Chart.defaults.font.family;
      ctx.textAlign = cos < -0.2 ? 'right' : cos > 0.2 ? 'left' : 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText('target ' + config.target + ' %', arc.x + cos * (arc.outerRadius + 8),
        arc.y + sin * (arc.outerRadius + 8));
      ctx.restore();
    }
  };

  function gauge(canvas, config) {
    var value = Math.max(0, config.value || 0);
    var max = config.max || Math.max(2 * config.target, value);
    var below = value < config.target;
    var over = config.warnAbove !== undefined && value > config.warnAbove;
    return new Chart(canvas, {
      type: 'doughnut',
      data: {
        labels: [config.label || 'Share', 'Rest of the scale'],
        datasets: [{
          data: [Math.min(value, max), Math.max(0, max - value)],
          backgroundColor: [over ? AMBER : below ? '#b3541e' : '#2e7d4f', '#e4e7eb'],
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
        layout: { padding: { top: 22, left: 8, right: 8 } },
        guildhallGauge: { target: config.target, max: max },
        plugins: { legend: { display: false }, tooltip: { enabled: false } }
      },
      plugins: [targetMark]
    });
  }

  function axes(config) {
    var horizontal = config.kind === 'hbar';
    var valueAxis = {
      beginAtZero: true,
      min: config.min,
      max: config.max,
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
