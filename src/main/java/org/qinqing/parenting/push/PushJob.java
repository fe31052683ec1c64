package org.qinqing.parenting.push;

import java.time.LocalDate;

import org.qinqing.jobs.JobHandler;
import org.qinqing.jobs.JobResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The due job of a week's push: each run schedules next week's, then does one run of this week's. */
@Configuration(proxyBeanMethods = false)
class PushJob {

	private static final Logger log = LoggerFactory.getLogger(PushJob.class);

	@Bean
	JobHandler parentingPushJob(LessonPush push, ObjectProvider<PushSchedule> schedule,
			ObjectProvider<WeeklyLessons> lessons) {
		// the schedule needs DueJobs, which needs every handler: taken when a job runs, not when this is made
		return JobHandler.of(PushSchedule.KIND, (tenant, job) -> {
			WeeklyLessons source = lessons.getIfAvailable();
			if (source == null) {
				log.warn("Tenant {}: a weekly lesson push is due but no lessons are configured", tenant);
				return JobResult.done();
			}
			LocalDate week = LocalDate.parse(job.subject());
			schedule.getObject().ensureWeek(tenant, week.plusWeeks(1));
			return push.run(tenant, week, source);
		});
	}

}
