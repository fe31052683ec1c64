package org.qinqing.calls.chat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinqing.calls.BookingOutcome;
import org.qinqing.calls.BookingResult;
import org.qinqing.calls.CallSettings;
import org.qinqing.calls.CallSettingsStore;
import org.qinqing.calls.CallWaitlist;
import org.qinqing.calls.Offer;
import org.qinqing.conversation.Command;
import org.qinqing.conversation.Completion;
import org.qinqing.conversation.FlowContext;
import org.qinqing.people.FamilyTie;
import org.qinqing.people.Role;
import org.qinqing.system.BotScripts;
import org.qinqing.system.SchoolTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answering a freed seat offered from the waitlist: {@code 确认} books the seat held for the family,
 * {@code 不要了} passes it to the next family in line. The offer itself arrives as a pushed message.
 */
@Configuration(proxyBeanMethods = false)
class WaitlistChat {

	private final CallFamilies families;

	private final CallWaitlist waitlist;

	private final CallBooker booker;

	private final CallSettingsStore settings;

	private final CallWording wording;

	WaitlistChat(CallFamilies families, CallWaitlist waitlist, CallBooker booker, CallSettingsStore settings,
			CallWording wording, BotScripts scripts) {
		this.families = families;
		this.waitlist = waitlist;
		this.booker = booker;
		this.settings = settings;
		this.wording = wording;
		scripts.require("calls.words-accept", "calls.words-decline", "calls.offer-none", "calls.offer-declined",
				"calls.offer-pending");
	}

	@Bean
	Command acceptOfferCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-accept");
		return new Command("call-accept", EnumSet.of(Role.PARENT, Role.GUARDIAN), words::contains,
				(input, context) -> accept(context));
	}

	@Bean
	Command declineOfferCommand(BotScripts scripts) {
		List<String> words = scripts.strings("calls.words-decline");
		return new Command("call-decline", EnumSet.of(Role.PARENT, Role.GUARDIAN), words::contains,
				(input, context) -> Command.Outcome.reply(decline(context)));
	}

	/** What the family has on offer now, worded, or empty. */
	Optional<String> pending(FlowContext context) {
		return offered(context).map(o -> this.wording.text("calls.offer-pending",
				Map.of("when", this.wording.slot(o.offer().slotStart()), "until",
						this.wording.time(SchoolTime.local(o.offer().expiresAt())))));
	}

	private Command.Outcome accept(FlowContext context) {
		Optional<Offered> offered = offered(context);
		if (offered.isEmpty()) {
			return Command.Outcome.reply(this.wording.text("calls.offer-none"));
		}
		FamilyTie member = offered.get().member();
		BookingResult result = this.waitlist.accept(context.tenant(), member.child().familyId(), member.adult().id());
		if (result.outcome() == BookingOutcome.NO_OFFER) {
			return Command.Outcome.reply(this.wording.text("calls.offer-none"));
		}
		Completion done = this.booker.outcome(result, context.tenant(), member, offered.get().offer().slotStart(), "",
				this.settings.settings(context.tenant()));
		return done.continues() ? Command.Outcome.startFlow(done.reply(), done.nextFlow(), done.seed())
				: Command.Outcome.reply(done.reply());
	}

	private String decline(FlowContext context) {
		Optional<Offered> offered = offered(context);
		if (offered.isPresent() && this.waitlist.decline(context.tenant(), offered.get().member().child().familyId())) {
			return this.wording.text("calls.offer-declined");
		}
		return this.wording.text("calls.offer-none");
	}

	private record Offered(FamilyTie member, Offer offer) {
	}

	private Optional<Offered> offered(FlowContext context) {
		CallSettings s = this.settings.settings(context.tenant());
		List<FamilyTie> members = this.families.bookable(context.tenant(), context.openid(),
				s.guardiansMayBook());
		for (FamilyTie member : members) {
			Optional<Offer> offer = this.waitlist.pendingOffer(context.tenant(), member.child().familyId());
			if (offer.isPresent()) {
				// the member of the child the family waited with, when the user has several children there
				FamilyTie forChild = members.stream()
					.filter(m -> m.child().id().equals(offer.get().childId()))
					.findFirst()
					.orElse(member);
				return Optional.of(new Offered(forChild, offer.get()));
			}
		}
		return Optional.empty();
	}

}
