/**
 * Deterministic demo data: the Zhoushan demo city loaded on first start and the province-scale
 * benchmark set. Writes only through the public APIs of the org, people and security modules.
 */
package cn.zugong.demo;
