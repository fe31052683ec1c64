/**
 * 家长学校: a short lesson a week for every parent and guardian, and proof it was read. The lessons are files
 * ({@code bot-scripts/parenting/lessons/*.yaml}, checked at start by {@link org.qinqing.parenting.LessonFiles});
 * who gets which lesson is decided by {@link org.qinqing.parenting.LessonSelection} (audience, the children's
 * grades, the season, never one twice); what each person had, read and answered is kept by
 * {@link org.qinqing.parenting.Learners}. A lesson has a personal signed page; in chat {@code 家长课堂}, its
 * keywords, {@code 上一课}/{@code 下一课} and {@code 退订}/{@code 订阅}. The console's reach page measures the plan's
 * 95% target per school and class. The weekly push ({@code push/}) plans and sends through
 * {@link org.qinqing.parenting.LessonDeliveries}.
 */
package org.qinqing.parenting;
