// 亮灯台 board charts. Data comes from data- attributes (the CSP allows no inline scripts).
(function () {
  function draw() {
    if (!window.echarts) { return; }
    var trendEl = document.getElementById('trend-chart');
    if (trendEl) {
      var points = JSON.parse(trendEl.getAttribute('data-trend'));
      var colours = JSON.parse(trendEl.getAttribute('data-colours'));
      var chart = echarts.init(trendEl);
      chart.setOption({
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        grid: { left: 40, right: 16, top: 52, bottom: 28 }, // the axis name below the legend, even on a phone
        xAxis: { type: 'category', data: points.map(function (p) { return p.period; }) },
        yAxis: { type: 'value', name: '任务数' },
        series: colours.map(function (c) {
          return { type: 'bar', stack: 'lights', name: c.label, itemStyle: { color: c.hex },
            data: points.map(function (p) { return p[c.code] || 0; }) };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    }
    var scoreEl = document.getElementById('score-chart');
    if (scoreEl) {
      var data = JSON.parse(scoreEl.getAttribute('data-score'));
      var score = echarts.init(scoreEl);
      score.setOption({
        tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: data.map(function (p) { return p.period; }) },
        yAxis: { type: 'value', name: '得分', min: 0, max: 100 },
        series: [{ type: 'line', name: '清单得分', data: data.map(function (p) { return p.score; }), itemStyle: { color: '#b3191c' } }]
      });
      window.addEventListener('resize', function () { score.resize(); });
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
