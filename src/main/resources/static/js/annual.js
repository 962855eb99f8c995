// 这一年: one chart per section, the scope's children this period against the previous (helpers in charts.js).
(function () {
  function draw() {
    document.querySelectorAll('.annual-chart').forEach(function (el) {
      var c = JSON.parse(el.getAttribute('data-chart'));
      zgChart(el, {
        title: { text: c.title + '（' + c.unit + '）', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' },
        legend: { top: 24 }, grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: c.names, axisLabel: { interval: 0, rotate: c.names.length > 4 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', name: c.beforeLabel, data: c.before, itemStyle: { color: '#aaaaaa' } },
          { type: 'bar', name: c.nowLabel, data: c.now, itemStyle: { color: '#b3191c' } }]
      });
    });
  }
  zgWhenReady(draw);
})();
