package dev.tillsync.server.console;

import dev.tillsync.server.auth.BackOfficeUsers;
import dev.tillsync.server.auth.UserRecord;
import java.util.List;

/** The server users and the new-user form; {@code draft} keeps what was typed when a create was refused. */
record UsersModel(Frame frame, String created, String error, List<UserRecord> users, List<String> roles, BackOfficeUsers.NewUser draft) {}
