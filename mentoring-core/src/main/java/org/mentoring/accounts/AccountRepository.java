package org.mentoring.accounts;

import java.util.Optional;
import org.mentoring.accounts.Role;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Accounts by email, by role, by one-time token. */
public interface AccountRepository extends MongoRepository<AccountDocument, String> {

    Optional<AccountDocument> findByEmail(String email);

    Optional<AccountDocument> findBySetPasswordTokenHash(String tokenHash);

    Optional<AccountDocument> findByEmailVerificationTokenHash(String tokenHash);

    boolean existsByRole(Role role);

    boolean existsByEmail(String email);

    java.util.List<AccountDocument> findByEmailIn(java.util.Collection<String> emails);
}
