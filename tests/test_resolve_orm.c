/*
 * test_resolve_orm.c - relationships decided as SQLAlchemy decides them,
 * on models built directly (the model reader has tests of its own).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "model_build.h"
#include "relmap/model.h"
#include "resolve.h"

/* A table `name` with an integer primary key `id`. */
static relmap_table *id_table(relmap_model *m, const char *name)
{
    relmap_table *t = mb_table(m, NULL, name, RELMAP_KIND_TABLE, mb_no_span());
    relmap_column *id = mb_column(m, t, "id", "INTEGER", mb_no_span());
    id->nullable = false;
    id->pk_position = 1;
    mb_key_column(m, mb_primary_key(m, t, NULL, mb_no_span()), "id", mb_no_span());
    return t;
}

/* A column `column` of `t` with a key to `ref`'s primary key. */
static void fk_column(relmap_model *m, relmap_table *t, const char *column, const char *ref)
{
    mb_column(m, t, column, "INTEGER", mb_no_span());
    relmap_fk *fk = mb_fk(m, t, NULL, NULL, ref, mb_no_span());
    mb_fk_column(m, fk, column, mb_no_span());
    mb_fk_ref_column(m, fk, "id", mb_no_span());
}

static relmap_class *mapped(relmap_model *m, const char *name, const relmap_table *table)
{
    relmap_class *cls = mb_class(m, "models", name, mb_no_span());
    cls->table = table;
    return cls;
}

static relmap_relationship *rel(relmap_model *m, relmap_class *cls, const char *name,
                                const char *target)
{
    relmap_relationship *r = mb_relationship(m, cls, name, mb_no_span());
    r->target_text = mb_str(m, target);
    return r;
}

static const relmap_relationship *find(const relmap_model *m, const char *cls, const char *name)
{
    const relmap_class *c = relmap_model_find_class(m, cls);
    assert_non_null(c);
    for (size_t i = 0; i < c->nrelationships; i++)
        if (strcmp(c->relationships[i].name, name) == 0)
            return &c->relationships[i];
    fail_msg("no relationship %s.%s", cls, name);
    return NULL;
}

/* users 1-n addresses, both sides with back_populates. */
static relmap_model *users_addresses(void)
{
    relmap_model *m = mb_model_new();
    relmap_table *users = id_table(m, "users"), *addresses = id_table(m, "addresses");
    fk_column(m, addresses, "user_id", "users");
    relmap_class *user = mapped(m, "User", users), *address = mapped(m, "Address", addresses);
    rel(m, user, "addresses", "Address")->back_populates = "user";
    rel(m, address, "user", "User")->back_populates = "addresses";
    return m;
}

static void test_back_populates_pair(void **state)
{
    (void)state;
    relmap_model *m = users_addresses();
    rm_resolve(m);
    const relmap_relationship *addresses = find(m, "User", "addresses");
    const relmap_relationship *user = find(m, "Address", "user");
    assert_int_equal(addresses->direction, RELMAP_DIRECTION_ONETOMANY);
    assert_true(addresses->is_list);
    assert_int_equal(user->direction, RELMAP_DIRECTION_MANYTOONE);
    assert_false(user->is_list);
    assert_ptr_equal(addresses->partner, user);
    assert_ptr_equal(user->partner, addresses);
    assert_int_equal(user->nfks, 1);
    assert_string_equal(user->fks[0]->columns[0].name, "user_id");
    assert_null(user->unresolved);
    assert_int_equal(user->unresolved_reason, RELMAP_UNRESOLVED_NONE);
    assert_string_equal(relmap_direction_name(user->direction), "MANYTOONE");
    relmap_model_free(m);
}

static void test_backref_creates_partner(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *users = id_table(m, "users"), *addresses = id_table(m, "addresses");
    fk_column(m, addresses, "user_id", "users");
    relmap_class *user = mapped(m, "User", users);
    mapped(m, "Address", addresses);
    relmap_relationship *r = rel(m, user, "addresses", "Address");
    relmap_relationship *spec = mb_backref_spec(m, r, "owner", mb_no_span());
    spec->cascade = "all";
    rm_resolve(m);
    const relmap_relationship *owner = find(m, "Address", "owner");
    assert_true(owner->from_backref);
    assert_int_equal(owner->direction, RELMAP_DIRECTION_MANYTOONE);
    assert_false(owner->is_list);
    assert_string_equal(owner->cascade, "all");
    assert_ptr_equal(owner->partner, find(m, "User", "addresses"));
    assert_ptr_equal(find(m, "User", "addresses")->partner, owner);
    assert_string_equal(find(m, "User", "addresses")->backref, "owner");
    relmap_model_free(m);
}

/* Two backrefs made on one class: the second moves the first in memory,
 * and both pairs still find each other. */
static void test_two_backrefs_on_one_class(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *forums = id_table(m, "forums"), *threads = id_table(m, "threads");
    relmap_table *posts = id_table(m, "posts");
    fk_column(m, threads, "forum_id", "forums");
    fk_column(m, posts, "thread_id", "threads");
    relmap_class *forum = mapped(m, "Forum", forums), *post = mapped(m, "Post", posts);
    mapped(m, "Thread", threads);
    mb_backref_spec(m, rel(m, forum, "threads", "Thread"), "forum", mb_no_span());
    mb_backref_spec(m, rel(m, post, "thread", "Thread"), "posts", mb_no_span());
    rm_resolve(m);
    assert_ptr_equal(find(m, "Forum", "threads")->partner, find(m, "Thread", "forum"));
    assert_ptr_equal(find(m, "Thread", "forum")->partner, find(m, "Forum", "threads"));
    assert_ptr_equal(find(m, "Post", "thread")->partner, find(m, "Thread", "posts"));
    assert_ptr_equal(find(m, "Thread", "posts")->partner, find(m, "Post", "thread"));
    assert_int_equal(find(m, "Thread", "forum")->direction, RELMAP_DIRECTION_MANYTOONE);
    assert_int_equal(find(m, "Thread", "posts")->direction, RELMAP_DIRECTION_ONETOMANY);
    relmap_model_free(m);
}

static void test_backref_name_taken(void **state)
{
    (void)state;
    relmap_model *m = users_addresses();
    relmap_class *user = m->classes[0];
    mb_backref_spec(m, &user->relationships[0], "user", mb_no_span());
    rm_resolve(m);
    const relmap_relationship *r = find(m, "User", "addresses");
    assert_int_equal(r->direction, RELMAP_DIRECTION_UNKNOWN);
    assert_non_null(strstr(r->unresolved, "Error creating backref 'user'"));
    assert_int_equal(r->unresolved_reason, RELMAP_UNRESOLVED_BACKREF_CONFLICT);
    relmap_model_free(m);
}

static void test_many_to_many(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *posts = id_table(m, "posts"), *tags = id_table(m, "tags");
    relmap_table *link = mb_table(m, NULL, "post_tags", RELMAP_KIND_TABLE, mb_no_span());
    fk_column(m, link, "post_id", "posts");
    fk_column(m, link, "tag_id", "tags");
    relmap_class *post = mapped(m, "Post", posts);
    mapped(m, "Tag", tags);
    relmap_relationship *r = rel(m, post, "tags", "Tag");
    r->secondary_text = "post_tags";
    mb_backref_spec(m, r, "posts", mb_no_span());
    rm_resolve(m);
    const relmap_relationship *tags_rel = find(m, "Post", "tags");
    assert_int_equal(tags_rel->direction, RELMAP_DIRECTION_MANYTOMANY);
    assert_true(tags_rel->is_list);
    assert_ptr_equal(tags_rel->secondary, link);
    assert_int_equal(tags_rel->nfks, 2);
    const relmap_relationship *back = find(m, "Tag", "posts");
    assert_int_equal(back->direction, RELMAP_DIRECTION_MANYTOMANY);
    assert_ptr_equal(back->secondary, link);
    relmap_model_free(m);
}

static void test_missing_secondary(void **state)
{
    (void)state;
    relmap_model *m = users_addresses();
    m->classes[0]->relationships[0].secondary_text = "nowhere";
    rm_resolve(m);
    const relmap_relationship *r = find(m, "User", "addresses");
    assert_int_equal(r->direction, RELMAP_DIRECTION_UNKNOWN);
    assert_non_null(strstr(r->unresolved, "nowhere"));
    assert_int_equal(r->unresolved_reason, RELMAP_UNRESOLVED_SECONDARY_UNKNOWN);
    relmap_model_free(m);
}

/* Node.children / Node.parent over nodes.parent_id. */
static void test_self_referential(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *nodes = id_table(m, "nodes");
    fk_column(m, nodes, "parent_id", "nodes");
    relmap_class *node = mapped(m, "Node", nodes);
    rel(m, node, "children", "Node");
    relmap_relationship *parent = rel(m, node, "parent", "Node");
    mb_relationship_remote_side(m, parent, "id");
    relmap_relationship *kids = rel(m, node, "kids", "Node");
    mb_backref_spec(m, kids, "up", mb_no_span());
    rm_resolve(m);
    assert_int_equal(find(m, "Node", "children")->direction, RELMAP_DIRECTION_ONETOMANY);
    assert_int_equal(find(m, "Node", "parent")->direction, RELMAP_DIRECTION_MANYTOONE);
    assert_false(find(m, "Node", "parent")->is_list);
    /* A backref of a self-referential one-to-many goes the other way. */
    assert_int_equal(find(m, "Node", "kids")->direction, RELMAP_DIRECTION_ONETOMANY);
    assert_int_equal(find(m, "Node", "up")->direction, RELMAP_DIRECTION_MANYTOONE);
    relmap_model_free(m);
}

static void test_self_pair_same_direction(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *nodes = id_table(m, "nodes");
    fk_column(m, nodes, "parent_id", "nodes");
    relmap_class *node = mapped(m, "Node", nodes);
    rel(m, node, "children", "Node")->back_populates = "parent";
    rel(m, node, "parent", "Node")->back_populates = "children";
    rm_resolve(m);
    const relmap_relationship *a = find(m, "Node", "children"), *b = find(m, "Node", "parent");
    assert_true(a->unresolved || b->unresolved);
    assert_int_equal((a->unresolved ? a : b)->unresolved_reason, RELMAP_UNRESOLVED_SAME_DIRECTION);
    relmap_model_free(m);
}

/* Two keys to users: ambiguous unless foreign_keys names one. */
static void test_two_paths(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *users = id_table(m, "users"), *msgs = id_table(m, "messages");
    fk_column(m, msgs, "sender_id", "users");
    fk_column(m, msgs, "recipient_id", "users");
    mapped(m, "User", users);
    relmap_class *msg = mapped(m, "Message", msgs);
    rel(m, msg, "sender", "User");
    relmap_relationship *recipient = rel(m, msg, "recipient", "User");
    mb_relationship_foreign_key(m, recipient, "Message.recipient_id");
    rm_resolve(m);
    const relmap_relationship *sender = find(m, "Message", "sender");
    assert_int_equal(sender->direction, RELMAP_DIRECTION_UNKNOWN);
    assert_non_null(strstr(sender->unresolved, "multiple foreign key paths"));
    assert_int_equal(sender->unresolved_reason, RELMAP_UNRESOLVED_AMBIGUOUS_JOIN);
    const relmap_relationship *r = find(m, "Message", "recipient");
    assert_int_equal(r->direction, RELMAP_DIRECTION_MANYTOONE);
    assert_string_equal(r->fks[0]->columns[0].name, "recipient_id");
    relmap_model_free(m);
}

static void test_unresolvable(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *users = id_table(m, "users"), *notes = id_table(m, "notes");
    relmap_class *user = mapped(m, "User", users);
    mapped(m, "Note", notes);
    rel(m, user, "notes", "Note");
    rel(m, user, "ghost", "Ghost");
    rel(m, user, "friends", "Note")->back_populates = "nobody";
    rm_resolve(m);
    assert_non_null(strstr(find(m, "User", "notes")->unresolved, "no foreign keys linking"));
    assert_int_equal(find(m, "User", "notes")->unresolved_reason, RELMAP_UNRESOLVED_NO_JOIN_PATH);
    assert_int_equal(find(m, "User", "ghost")->unresolved_reason, RELMAP_UNRESOLVED_TARGET_UNKNOWN);
    assert_int_equal(find(m, "User", "friends")->unresolved_reason,
                     RELMAP_UNRESOLVED_BACK_POPULATES_UNKNOWN);
    assert_null(find(m, "User", "ghost")->target);
    assert_non_null(strstr(find(m, "User", "ghost")->unresolved, "'Ghost'"));
    assert_non_null(strstr(find(m, "User", "friends")->unresolved, "no property 'nobody'"));
    relmap_model_free(m);
}

/* Engineer(Employee), joined: its key to employees is not a join path,
 * and the company key of the parent table serves the subclass. */
static void test_joined_inheritance(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *companies = id_table(m, "companies"), *employees = id_table(m, "employees");
    fk_column(m, employees, "company_id", "companies");
    relmap_table *engineers = mb_table(m, NULL, "engineers", RELMAP_KIND_TABLE, mb_no_span());
    relmap_fk *fk = mb_fk(m, engineers, NULL, NULL, "employees", mb_no_span());
    mb_column(m, engineers, "id", "INTEGER", mb_no_span());
    mb_fk_column(m, fk, "id", mb_no_span());
    relmap_class *company = mapped(m, "Company", companies);
    relmap_class *employee = mapped(m, "Employee", employees);
    relmap_class *engineer = mapped(m, "Engineer", engineers);
    engineer->parent = employee;
    engineer->inheritance = RELMAP_INHERIT_JOINED;
    rel(m, company, "engineers", "Engineer");
    rel(m, engineer, "company", "Company");
    rm_resolve(m);
    assert_int_equal(find(m, "Company", "engineers")->direction, RELMAP_DIRECTION_ONETOMANY);
    assert_int_equal(find(m, "Engineer", "company")->direction, RELMAP_DIRECTION_MANYTOONE);
    relmap_model_free(m);
}

static void test_ambiguous_class_name(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *a = id_table(m, "a"), *b = id_table(m, "b");
    relmap_class *one = mb_class(m, "pkg.one", "Item", mb_no_span());
    one->table = a;
    relmap_class *two = mb_class(m, "pkg.two", "Item", mb_no_span());
    two->table = b;
    rm_resolve(m);
    assert_null(relmap_model_find_class(m, "Item"));
    assert_ptr_equal(relmap_model_find_class(m, "pkg.one.Item"), one);
    assert_ptr_equal(relmap_model_find_class(m, "pkg.two.Item"), two);
    relmap_model_free(m);
}

/* Two declarative bases: a name is found in the owner's registry only,
 * and the same class name may be used once in each. */
static void test_registries(void **state)
{
    (void)state;
    relmap_model *m = mb_model_new();
    relmap_table *users = id_table(m, "users"), *notes = id_table(m, "notes");
    relmap_table *audit_users = id_table(m, "audit_users");
    fk_column(m, notes, "user_id", "users");
    relmap_class *user = mapped(m, "User", users);
    user->registry = "app.Base";
    relmap_class *note = mb_class(m, "app.notes", "Note", mb_no_span());
    note->table = notes;
    note->registry = "app.Base";
    relmap_class *audit_user = mb_class(m, "audit.models", "User", mb_no_span());
    audit_user->table = audit_users;
    audit_user->registry = "audit.Base";
    relmap_class *log = mb_class(m, "audit.models", "Log", mb_no_span());
    log->table = id_table(m, "logs");
    log->registry = "audit.Base";
    rel(m, note, "user", "User");
    rel(m, log, "note", "Note");
    rm_resolve(m);
    /* "User" is two classes, but one in Note's registry. */
    const relmap_relationship *r = &m->classes[1]->relationships[0];
    assert_ptr_equal(r->target, user);
    assert_int_equal(r->direction, RELMAP_DIRECTION_MANYTOONE);
    const relmap_relationship *other = &m->classes[3]->relationships[0];
    assert_null(other->target);
    assert_int_equal(other->unresolved_reason, RELMAP_UNRESOLVED_TARGET_OTHER_REGISTRY);
    assert_non_null(strstr(other->unresolved, "another declarative base"));
    relmap_model_free(m);
}

static void test_explicit_uselist(void **state)
{
    (void)state;
    relmap_model *m = users_addresses();
    m->classes[0]->relationships[0].uselist = RELMAP_NO;
    m->classes[1]->relationships[0].collection = RELMAP_YES;
    rm_resolve(m);
    assert_false(find(m, "User", "addresses")->is_list);
    assert_true(find(m, "Address", "user")->is_list);
    relmap_model_free(m);
}

/* back_populates naming a column, and one naming a relationship that goes
 * elsewhere: each with its own reason. */
static void test_back_populates_wrong_attribute(void **state)
{
    (void)state;
    relmap_model *m = users_addresses();
    relmap_table *notes = id_table(m, "notes");
    fk_column(m, notes, "user_id", "users");
    mapped(m, "Note", notes);
    relmap_class *user = m->classes[0];
    rel(m, user, "notes", "Note")->back_populates = "user_id";
    rel(m, user, "jottings", "Note")->back_populates = "owner";
    /* Note.writer names User.addresses, which goes to Address, not Note. */
    rel(m, m->classes[2], "writer", "User")->back_populates = "addresses";
    rm_resolve(m);
    assert_int_equal(find(m, "Note", "writer")->unresolved_reason,
                     RELMAP_UNRESOLVED_BACK_POPULATES_MISMATCH);
    assert_int_equal(find(m, "User", "notes")->unresolved_reason,
                     RELMAP_UNRESOLVED_BACK_POPULATES_NOT_RELATIONSHIP);
    assert_non_null(strstr(find(m, "User", "notes")->unresolved, "not a relationship"));
    assert_int_equal(find(m, "User", "jottings")->unresolved_reason,
                     RELMAP_UNRESOLVED_BACK_POPULATES_UNKNOWN);
    relmap_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_back_populates_pair),
        cmocka_unit_test(test_backref_creates_partner),
        cmocka_unit_test(test_two_backrefs_on_one_class),
        cmocka_unit_test(test_backref_name_taken),
        cmocka_unit_test(test_many_to_many),
        cmocka_unit_test(test_missing_secondary),
        cmocka_unit_test(test_self_referential),
        cmocka_unit_test(test_self_pair_same_direction),
        cmocka_unit_test(test_two_paths),
        cmocka_unit_test(test_unresolvable),
        cmocka_unit_test(test_joined_inheritance),
        cmocka_unit_test(test_ambiguous_class_name),
        cmocka_unit_test(test_registries),
        cmocka_unit_test(test_explicit_uselist),
        cmocka_unit_test(test_back_populates_wrong_attribute),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
