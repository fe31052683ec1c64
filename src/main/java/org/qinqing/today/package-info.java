/**
 * The school leader's 今日概况 in chat: today's figure of every plan target in a few short lines, each with its
 * console page, gathered from the modules that own them ({@link org.qinqing.console.TodayFigure}).
 */
package org.qinqing.today;
