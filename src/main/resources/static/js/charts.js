// What every figures page's charts share: an ECharts chart on an element that follows the window's size, and
// drawing once the page is there. Data comes from data- attributes (the CSP allows no inline scripts).
window.zgChart = function (el, option) {
  var chart = echarts.init(el);
  chart.setOption(option);
  window.addEventListener('resize', function () { chart.resize(); });
  return chart;
};
window.zgWhenReady = function (draw) {
  var run = function () { if (window.echarts) { draw(); } };
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', run); } else { run(); }
};
