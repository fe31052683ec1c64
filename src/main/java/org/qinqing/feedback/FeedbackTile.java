package org.qinqing.feedback;

import org.qinqing.console.DashboardTile;
import org.qinqing.console.StaffUser;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Messages families left through 给学校留言 and not yet handled. */
@Component
class FeedbackTile implements DashboardTile {

	private final FeedbackBox box;

	private final MessageSource messages;

	FeedbackTile(FeedbackBox box, MessageSource messages) {
		this.box = box;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public Tile view(StaffUser user) {
		return new Tile("tile.feedback", String.valueOf(this.box.count(user.tenant())),
				this.messages.getMessage("tile.feedback.detail", null, java.util.Locale.SIMPLIFIED_CHINESE), "", null);
	}

}
