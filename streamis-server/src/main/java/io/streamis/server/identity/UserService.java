package io.streamis.server.identity;

import io.streamis.common.error.StreamisException;
import io.streamis.common.validation.Names;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/** Checks and creates platform users. */
@Service
public class UserService {

    private static final int MIN_PASSWORD = 8;

    private final UserMapper mapper;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    // Compared against when the user does not exist, so unknown and known users take the same time.
    private final String dummyHash = encoder.encode("streamis-timing-guard");

    public UserService(UserMapper mapper) {
        this.mapper = mapper;
    }

    public boolean authenticate(String user, String password) {
        if (user == null || password == null) {
            return false;
        }
        String hash = mapper.selectPasswordHash(user);
        boolean ok = encoder.matches(password, hash == null ? dummyHash : hash);
        return hash != null && ok;
    }

    public boolean exists(String user) {
        return mapper.selectPasswordHash(user) != null;
    }

    public void create(String user, String password) {
        Names.require("userName", user);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw StreamisException.validation("user.password-short", "password must be at least " + MIN_PASSWORD
                    + " characters", MIN_PASSWORD);
        }
        try {
            mapper.insert(user, encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw StreamisException.conflict("user.exists", "User " + user + " already exists", user);
        }
    }
}
