package org.qinqing.parenting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param location where the lesson files are (a resource pattern); tests point it at their own
 * @param target the plan's reach target in percent (家教知识普及率 95%), the dashboard tile's line
 */
@ConfigurationProperties("qinqing.parenting.lessons")
public record LessonsProperties(@DefaultValue(LessonFiles.LOCATION) String location, @DefaultValue("95") int target) {
}
