/**
 * Legends and colours, once for every module: {@link cn.zugong.shared.legend.Legend} (ordered ranges → colour, like a
 * DHIS2 legend set) and {@link cn.zugong.shared.legend.Colour}, the one colour enum of the 数字体检 warnings (红黄蓝,
 * 正常) and the 亮灯台 lights (红紫黄蓝绿), whose names are the codes the database stores.
 */
package cn.zugong.shared.legend;
