package no.heima.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/** The one place that turns exceptions into RFC 9457 responses. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(HeimaProblemException.class)
	Mono<ResponseEntity<ProblemDetail>> handle(HeimaProblemException ex, ServerWebExchange exchange) {
		ProblemDetail problem = Problems.of(ex.type(), ex.getMessage(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return Mono.just(ResponseEntity.status(ex.type().status()).body(problem));
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<FieldProblem> errors = ex.getFieldErrors()
			.stream()
			.map(e -> new FieldProblem(e.getField(), "invalid", e.getDefaultMessage()))
			.toList();
		return handleHeimaType(Problems.of(ProblemType.VALIDATION, "The request has invalid fields", errors), exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		// Never echo parser internals: they can contain fragments of the patient's input.
		return handleHeimaType(Problems.unreadable(ex, "The request body or parameters could not be read"), exchange);
	}

	private Mono<ResponseEntity<Object>> handleHeimaType(ProblemDetail problem, ServerWebExchange exchange) {
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		return Mono.just(ResponseEntity.status(problem.getStatus()).body(problem));
	}

}
