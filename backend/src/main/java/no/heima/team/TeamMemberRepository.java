package no.heima.team;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class TeamMemberRepository {

	private final DatabaseClient db;

	TeamMemberRepository(DatabaseClient db) {
		this.db = db;
	}

	/** One statement for every team of a login. */
	Mono<Void> loggedIn(List<String> teams, String subject, String name, String roles) {
		return this.db.sql("""
				insert into team_member (team, subject, name, roles, last_login_at)
				select t, :subject, :name, :roles, now() from unnest(cast(:teams as text[])) as t
				on conflict (team, subject) do update
				  set name = excluded.name, roles = excluded.roles, last_login_at = excluded.last_login_at
				""")
			.bind("teams", teams.toArray(String[]::new))
			.bind("subject", subject)
			.bind("name", name)
			.bind("roles", roles)
			.then();
	}

	Mono<Void> list(String team, String subject, String name, String by) {
		return this.db.sql("""
				insert into team_member (team, subject, name, listed_by, listed_at)
				values (:team, :subject, :name, :by, now())
				on conflict (team, subject) do update
				  set listed_by = excluded.listed_by, listed_at = excluded.listed_at,
				      name = case when team_member.last_login_at is null then excluded.name else team_member.name end
				""").bind("team", team).bind("subject", subject).bind("name", name).bind("by", by).then();
	}

	/** Unlists; a colleague who never logged in leaves the directory. */
	Mono<Long> unlist(String team, String subject) {
		return this.db.sql("""
				with cleared as (
				  update team_member set listed_by = null, listed_at = null
				  where team = :team and subject = :subject returning last_login_at)
				delete from team_member where team = :team and subject = :subject
				  and exists (select 1 from cleared where last_login_at is null)
				""").bind("team", team).bind("subject", subject).fetch().rowsUpdated();
	}

	Flux<TeamMember> members(List<String> teams) {
		return this.db
			.sql("select * from team_member where team = any(:teams) order by team, lower(name), subject limit 1000")
			.bind("teams", teams.toArray(String[]::new))
			.map(TeamMemberRepository::toMember)
			.all();
	}

	Mono<TeamMember> member(String team, String subject) {
		return this.db.sql("select * from team_member where team = :team and subject = :subject")
			.bind("team", team)
			.bind("subject", subject)
			.map(TeamMemberRepository::toMember)
			.one();
	}

	private static TeamMember toMember(Readable row) {
		OffsetDateTime login = row.get("last_login_at", OffsetDateTime.class);
		Instant lastLogin = (login != null) ? login.toInstant() : null;
		return new TeamMember(row.get("team", String.class), row.get("subject", String.class),
				row.get("name", String.class), row.get("roles", String.class), lastLogin,
				row.get("listed_by", String.class) != null);
	}

}
