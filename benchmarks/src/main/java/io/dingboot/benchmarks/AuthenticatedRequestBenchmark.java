package io.dingboot.benchmarks;

import java.util.concurrent.TimeUnit;

import io.dingboot.security.authentication.DingTalkAuthenticationToken;
import io.dingboot.security.authentication.DingTalkUser;
import io.dingboot.security.authentication.DingTalkUserMapper;
import io.dingboot.security.config.DingTalkLoginConfigurer;
import io.dingboot.security.web.DingTalkAuthenticationEntryPoint;
import io.dingboot.user.UserApi;
import jakarta.servlet.Filter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Overhead of an authenticated request through DingBoot's free-login chain against the same app
 * with Spring Security's form login: both apps serve {@code GET /api/me} to a session that already
 * holds a logged-in user, through MockMvc (the whole filter chain and DispatcherServlet, no network).
 * The ratio {@code dingTalkChain / formLoginChain} of one run goes into {@code docs/performance.md}.
 * DingTalk is never called during the measurement (a logged-in session makes zero calls), so the
 * DingTalk chain's {@code UserApi} is never used.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class AuthenticatedRequestBenchmark {

	private AnnotationConfigWebApplicationContext dingTalkContext;

	private AnnotationConfigWebApplicationContext formLoginContext;

	private MockMvc dingTalkMvc;

	private MockMvc formLoginMvc;

	private MockHttpSession dingTalkSession;

	private MockHttpSession formLoginSession;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.dingTalkContext = context(DingTalkApp.class);
		this.formLoginContext = context(FormLoginApp.class);
		this.dingTalkMvc = mvc(this.dingTalkContext);
		this.formLoginMvc = mvc(this.formLoginContext);
		DingTalkUser user = DingTalkUser.of("zhangsan", "张三");
		this.dingTalkSession = session(
				DingTalkAuthenticationToken.authenticated(user, DingTalkUserMapper.defaultAuthorities(user)));
		UserDetails formUser = User.withUsername("zhangsan").password("{noop}pw").roles("USER").build();
		this.formLoginSession = session(UsernamePasswordAuthenticationToken.authenticated(formUser, null,
				formUser.getAuthorities()));
		check(this.dingTalkMvc, this.dingTalkSession);
		check(this.formLoginMvc, this.formLoginSession);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.dingTalkContext.close();
		this.formLoginContext.close();
	}

	@Benchmark
	public MvcResult dingTalkChain() throws Exception {
		return this.dingTalkMvc.perform(get("/api/me").session(this.dingTalkSession)).andReturn();
	}

	@Benchmark
	public MvcResult formLoginChain() throws Exception {
		return this.formLoginMvc.perform(get("/api/me").session(this.formLoginSession)).andReturn();
	}

	private static AnnotationConfigWebApplicationContext context(Class<?> app) {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.setServletContext(new MockServletContext());
		context.register(app, Me.class);
		context.refresh();
		return context;
	}

	private static MockMvc mvc(AnnotationConfigWebApplicationContext context) {
		Filter security = context.getBean("springSecurityFilterChain", Filter.class);
		return MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
	}

	private static MockHttpSession session(Authentication authentication) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(authentication));
		return session;
	}

	private static void check(MockMvc mvc, MockHttpSession session) throws Exception {
		MvcResult result = mvc.perform(get("/api/me").session(session)).andReturn();
		if (result.getResponse().getStatus() != 200 || !"zhangsan".equals(result.getResponse().getContentAsString())) {
			throw new IllegalStateException("The benchmark app does not answer the logged-in user: HTTP "
					+ result.getResponse().getStatus());
		}
	}

	/**
	 * The app with DingBoot's default free-login chain.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class DingTalkApp {

		@Bean
		SecurityFilterChain dingTalkChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.with(DingTalkLoginConfigurer.dingTalkLogin().userApi(new UserApi(null)), Customizer.withDefaults())
				.csrf((csrf) -> csrf.spa())
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new DingTalkAuthenticationEntryPoint()))
				.requestCache((cache) -> cache.disable());
			return http.build();
		}

	}

	/**
	 * The same app with Spring Security's form login.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@EnableWebSecurity
	static class FormLoginApp {

		@Bean
		SecurityFilterChain formLoginChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		org.springframework.security.core.userdetails.UserDetailsService users() {
			return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
					User.withUsername("zhangsan").password("{noop}pw").authorities(AuthorityUtils.NO_AUTHORITIES).build());
		}

	}

	@RestController
	static class Me {

		@GetMapping("/api/me")
		String me(Authentication authentication) {
			return authentication.getName();
		}

	}

}
