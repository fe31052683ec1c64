package org.qinqing.emergency;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A family member's page of an incident, the link of their notice: opening it is their acknowledgement (as is
 * 收到 in chat), recorded with its time. It shows what happened, where the child is and the school's phone. A link
 * altered, or not theirs, opens nothing and says so kindly, without telling whether the incident exists.
 */
@Controller
class AckPageController {

	static final String VIEW = "emergency/ack";

	static final String MISSING_VIEW = "emergency/ack-missing";

	private final Incidents incidents;

	private final Acknowledgements acknowledgements;

	private final IncidentLinks links;

	private final IncidentWording words;

	AckPageController(Incidents incidents, Acknowledgements acknowledgements, IncidentLinks links,
			IncidentWording words) {
		this.incidents = incidents;
		this.acknowledgements = acknowledgements;
		this.links = links;
		this.words = words;
	}

	@GetMapping(IncidentLinks.ACK_PATH + "{tenant}/{number}")
	String page(@PathVariable String tenant, @PathVariable String number, @RequestParam(defaultValue = "") String p,
			@RequestParam(defaultValue = "") String s, Model model, HttpServletResponse response) {
		Optional<Incident> incident = p.isEmpty() || !this.links.valid(tenant, number, p, s) ? Optional.empty()
				: this.incidents.incident(tenant, number);
		if (incident.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return MISSING_VIEW;
		}
		this.acknowledgements.fromLink(tenant, incident.get(), p);
		var params = this.words.params(tenant, incident.get());
		model.addAttribute("number", number);
		model.addAttribute("child", params.get("child"));
		model.addAttribute("what", params.get("what"));
		model.addAttribute("place", incident.get().place());
		model.addAttribute("description", incident.get().description());
		model.addAttribute("phone", params.get("phone"));
		model.addAttribute("open", incident.get().open());
		return VIEW;
	}

}
