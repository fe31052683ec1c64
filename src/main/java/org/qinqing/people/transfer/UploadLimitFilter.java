package org.qinqing.people.transfer;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload over {@code spring.servlet.multipart.max-request-size} would fail in Spring Security's
 * CSRF check (reading the form fails), before any controller, as a bare 413. This filter, ahead of
 * security, sends such an upload back to the import page, which says in words that the file is too
 * large. It reads and drops a moderately oversized body first, so browsers see the answer instead of
 * a reset connection; a much larger one is answered without reading it.
 */
@Component
@Order(-1000)
class UploadLimitFilter extends OncePerRequestFilter {

	private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

	private final long limit;

	UploadLimitFilter(@Value("${spring.servlet.multipart.max-request-size:2MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + TransferController.BASE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length <= this.limit) {
			chain.doFilter(request, response);
			return;
		}
		if (length <= DRAIN_AT_MOST) {
			try (InputStream in = request.getInputStream()) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
		}
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", request.getContextPath() + TransferController.BASE + "?tooLarge");
	}

}
