/*
 * test_read_py.c - the SQLAlchemy model reader through relmap_load: bases
 * of every style, columns and their types as SQLAlchemy prints them,
 * nullability, keys and indexes, table args, inheritance and mixins,
 * relationships as written, project facts, packages (imports across
 * modules, the folder walk and .gitignore), and broken input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fixture.h"
#include "relmap/relmap.h"

static char *g_dir;

static int setup(void **state)
{
    (void)state;
    g_dir = fx_mkdtemp();
    return g_dir ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fx_rmtree(g_dir);
    free(g_dir);
    g_dir = NULL;
    return 0;
}

/* Writes `text` as g_dir/rel, making folders on the way. */
static void put(const char *rel, const char *text)
{
    char *path = fx_join(g_dir, rel);
    for (char *p = path + strlen(g_dir) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    assert_int_equal(fx_write_file(path, text, strlen(text)), 0);
    free(path);
}

static int load_path(const char *path, relmap_model **out)
{
    relmap_load_opts opts = RELMAP_LOAD_OPTS_INIT;
    const char *paths[] = {path};
    return relmap_load(out, paths, 1, &opts);
}

/* One models file, loaded. */
static relmap_model *load_src(const char *src)
{
    put("models.py", src);
    char *path = fx_join(g_dir, "models.py");
    relmap_model *m = NULL;
    int rc = load_path(path, &m);
    free(path);
    if (rc != 0)
        fail_msg("load failed: %s", relmap_error_last());
    return m;
}

/* The whole of g_dir as a package, loaded. */
static relmap_model *load_dir(void)
{
    relmap_model *m = NULL;
    if (load_path(g_dir, &m) != 0)
        fail_msg("load failed: %s", relmap_error_last());
    return m;
}

static const relmap_table *table(const relmap_model *m, const char *name)
{
    for (size_t i = 0; i < m->ntables; i++)
        if (strcmp(m->tables[i]->name, name) == 0)
            return m->tables[i];
    fail_msg("no table %s", name);
    return NULL;
}

static bool has_table(const relmap_model *m, const char *name)
{
    for (size_t i = 0; i < m->ntables; i++)
        if (strcmp(m->tables[i]->name, name) == 0)
            return true;
    return false;
}

static const relmap_column *column(const relmap_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        if (strcmp(t->columns[i].name, name) == 0)
            return &t->columns[i];
    fail_msg("no column %s.%s", t->name, name);
    return NULL;
}

static const relmap_class *cls(const relmap_model *m, const char *name)
{
    for (size_t i = 0; i < m->nclasses; i++)
        if (strcmp(m->classes[i]->name, name) == 0)
            return m->classes[i];
    fail_msg("no class %s", name);
    return NULL;
}

static const relmap_relationship *rel(const relmap_class *c, const char *name)
{
    for (size_t i = 0; i < c->nrelationships; i++)
        if (strcmp(c->relationships[i].name, name) == 0)
            return &c->relationships[i];
    fail_msg("no relationship %s.%s", c->name, name);
    return NULL;
}

/* "name TYPE null|notnull" for every column, joined by "; ". */
static char *columns_line(const relmap_table *t)
{
    static char buf[2048];
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t->ncolumns && k < sizeof buf - 200; i++)
        k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s %s %s", i ? "; " : "",
                              t->columns[i].name, t->columns[i].type,
                              t->columns[i].nullable ? "null" : "notnull");
    return buf;
}

static void test_classic_columns(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from sqlalchemy import Column, Integer, String, Text, Boolean, DateTime, Date, Float\n"
        "from sqlalchemy import Numeric, BigInteger, SmallInteger, LargeBinary, JSON, Enum\n"
        "from sqlalchemy.types import VARCHAR\n"
        "from sqlalchemy.dialects.postgresql import UUID\n"
        "from sqlalchemy.orm import declarative_base\n"
        "import enum\n"
        "Base = declarative_base()\n"
        "class Color(enum.Enum):\n    red = 1\n    yellowish = 2\n"
        "class User(Base):\n"
        "    __tablename__ = 'users'\n"
        "    name = Column(String(50), unique=True, index=True)\n"
        "    id = Column(Integer, primary_key=True)\n"
        "    bio = Column(Text, nullable=False)\n"
        "    ok = Column(Boolean)\n    at = Column(DateTime)\n    d = Column(Date)\n"
        "    f = Column(Float)\n    n = Column(Numeric(10, 2))\n    b = Column(BigInteger)\n"
        "    s = Column(SmallInteger)\n    blob = Column(LargeBinary)\n    j = Column(JSON)\n"
        "    c = Column(Enum(Color))\n    e = Column(Enum('a', 'bbb', name='x'))\n"
        "    v = Column(VARCHAR(20))\n    u = Column(UUID(as_uuid=True))\n"
        "    plain = Column(String)\n"
        "    email_address = Column('email', String(100), unique=True)\n");
    const relmap_table *t = table(m, "users");
    assert_string_equal(columns_line(t),
                        "name VARCHAR(50) null; id INTEGER notnull; bio TEXT notnull; "
                        "ok BOOLEAN null; at DATETIME null; d DATE null; f FLOAT null; "
                        "n NUMERIC(10, 2) null; b BIGINT null; s SMALLINT null; blob BLOB null; "
                        "j JSON null; c VARCHAR(9) null; e VARCHAR(3) null; v VARCHAR(20) null; "
                        "u UUID null; plain VARCHAR null; email VARCHAR(100) null");
    assert_string_equal(column(t, "email")->key, "email_address");
    assert_int_equal(t->primary_key.ncolumns, 1);
    assert_string_equal(t->primary_key.columns[0].name, "id");
    assert_int_equal(column(t, "id")->pk_position, 1);
    /* index=True with unique=True: one unique index, no constraint. */
    assert_int_equal(t->nindexes, 1);
    assert_string_equal(t->indexes[0].name, "ix_users_name");
    assert_true(t->indexes[0].unique);
    assert_int_equal(t->nuniques, 1);
    assert_string_equal(t->uniques[0].columns[0].name, "email");
    const relmap_class *u = cls(m, "User");
    assert_ptr_equal(u->table, t);
    assert_string_equal(u->module, "models");
    assert_int_equal(u->nbases, 1);
    assert_string_equal(u->bases[0], "Base");
    assert_true(m->facts.flavours & RELMAP_FLAVOUR_CLASSIC);
    relmap_model_free(m);
}

static void test_foreign_keys(void **state)
{
    (void)state;
    relmap_model *m =
        load_src("import sqlalchemy as sa\n"
                 "Base = sa.orm.declarative_base()\n"
                 "class Parent(Base):\n"
                 "    __tablename__ = 'parent'\n"
                 "    id = sa.Column(sa.BigInteger, primary_key=True)\n"
                 "    code = sa.Column(sa.String(8), unique=True)\n"
                 "class Child(Base):\n"
                 "    __tablename__ = 'child'\n"
                 "    __table_args__ = (sa.ForeignKeyConstraint(['a', 'b'], ['other.x', 'other.y'],"
                 " ondelete='SET NULL'), sa.UniqueConstraint('a', 'b', name='uq_ab'),\n"
                 "        sa.Index('ix_ab', 'a', 'b', unique=True), sa.CheckConstraint('a > 0'),\n"
                 "        {'schema': 'app'})\n"
                 "    id = sa.Column(sa.Integer, primary_key=True)\n"
                 "    parent_id = sa.Column(sa.ForeignKey('parent.id', ondelete='CASCADE'))\n"
                 "    p2 = sa.Column(sa.Integer, sa.ForeignKey(Parent.id))\n"
                 "    p3 = sa.Column(sa.ForeignKey('s.parent.code'))\n"
                 "    a = sa.Column(sa.Integer)\n    b = sa.Column(sa.Integer)\n");
    const relmap_table *t = table(m, "child");
    assert_string_equal(t->schema, "app");
    assert_string_equal(column(t, "parent_id")->type, "BIGINT"); /* the referenced type */
    assert_string_equal(column(t, "p3")->type, "VARCHAR(8)");
    assert_int_equal(t->nfks, 4);
    assert_string_equal(t->fks[0].columns[0].name, "parent_id");
    assert_string_equal(t->fks[0].ref_table_name, "parent");
    assert_string_equal(t->fks[0].ref_columns[0].name, "id");
    assert_int_equal(t->fks[0].on_delete, RELMAP_ACTION_CASCADE);
    assert_string_equal(t->fks[1].ref_table_name, "parent");
    assert_string_equal(t->fks[1].ref_columns[0].name, "id");
    assert_string_equal(t->fks[2].ref_schema, "s");
    assert_string_equal(t->fks[2].ref_table_name, "parent");
    assert_int_equal(t->fks[3].ncolumns, 2);
    assert_int_equal(t->fks[3].nref_columns, 2);
    assert_string_equal(t->fks[3].ref_table_name, "other");
    assert_string_equal(t->fks[3].ref_columns[1].name, "y");
    assert_int_equal(t->fks[3].on_delete, RELMAP_ACTION_SET_NULL);
    assert_int_equal(t->nuniques, 1);
    assert_string_equal(t->uniques[0].name, "uq_ab");
    assert_int_equal(t->nindexes, 1);
    assert_true(t->indexes[0].unique);
    assert_int_equal(t->indexes[0].ncolumns, 2);
    assert_int_equal(t->nchecks, 1);
    assert_string_equal(t->checks[0].expr, "a > 0");
    relmap_model_free(m);
}

static void test_typed_columns(void **state)
{
    (void)state;
    relmap_model *m =
        load_src("from __future__ import annotations\n"
                 "import datetime, decimal, uuid\n"
                 "from typing import Optional, List, Union\n"
                 "from sqlalchemy import String, ForeignKey\n"
                 "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n"
                 "class Base(DeclarativeBase):\n    pass\n"
                 "class User(Base):\n"
                 "    __tablename__ = 'user_account'\n"
                 "    id: Mapped[int] = mapped_column(primary_key=True)\n"
                 "    name: Mapped[str] = mapped_column(String(30))\n"
                 "    fullname: Mapped[Optional[str]]\n"
                 "    nick: Mapped[str | None]\n"
                 "    score: Mapped[Union[float, None]]\n"
                 "    at: Mapped[datetime.datetime]\n"
                 "    amount: Mapped[decimal.Decimal]\n"
                 "    token: Mapped[uuid.UUID]\n"
                 "    flag: Mapped[bool] = mapped_column(nullable=True)\n"
                 "    addresses: Mapped[List['Address']] = relationship(back_populates='user')\n"
                 "class Address(Base):\n"
                 "    __tablename__ = 'address'\n"
                 "    id: Mapped[int] = mapped_column(primary_key=True)\n"
                 "    user_id: Mapped[int] = mapped_column(ForeignKey('user_account.id'))\n"
                 "    user: Mapped['User'] = relationship(back_populates='addresses')\n");
    const relmap_table *t = table(m, "user_account");
    assert_string_equal(columns_line(t),
                        "id INTEGER notnull; name VARCHAR(30) notnull; fullname VARCHAR null; "
                        "nick VARCHAR null; score FLOAT null; at DATETIME notnull; "
                        "amount NUMERIC notnull; token CHAR(32) notnull; flag BOOLEAN null");
    const relmap_class *u = cls(m, "User");
    const relmap_relationship *r = rel(u, "addresses");
    assert_string_equal(r->target_text, "Address");
    assert_int_equal(r->collection, RELMAP_YES);
    assert_string_equal(r->back_populates, "user");
    const relmap_relationship *back = rel(cls(m, "Address"), "user");
    assert_string_equal(back->target_text, "User");
    assert_int_equal(back->collection, RELMAP_NO);
    assert_true(cls(m, "Base")->abstract);
    assert_null(cls(m, "Base")->table);
    assert_true(m->facts.flavours & RELMAP_FLAVOUR_TYPED);
    relmap_model_free(m);
}

static void test_annotated_and_type_map(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from decimal import Decimal\n"
        "from typing import Annotated\n"
        "from sqlalchemy import ForeignKey, Numeric, String\n"
        "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n"
        "intpk = Annotated[int, mapped_column(primary_key=True)]\n"
        "str50 = Annotated[str, 50]\n"
        "class Base(DeclarativeBase):\n"
        "    type_annotation_map = {str50: String(50), Decimal: Numeric(12, 2)}\n"
        "class Invoice(Base):\n"
        "    __tablename__ = 'invoices'\n"
        "    id: Mapped[intpk]\n"
        "    customer: Mapped[str50]\n"
        "    total: Mapped[Decimal]\n"
        "    note: Mapped[str | None]\n"
        "class Payment(Base):\n"
        "    __tablename__ = 'payments'\n"
        "    id: Mapped[intpk]\n"
        "    invoice_id: Mapped[int] = mapped_column(ForeignKey('invoices.id'), index=True)\n");
    assert_string_equal(columns_line(table(m, "invoices")),
                        "id INTEGER notnull; customer VARCHAR(50) notnull; "
                        "total NUMERIC(12, 2) notnull; note VARCHAR null");
    const relmap_table *p = table(m, "payments");
    assert_string_equal(p->primary_key.columns[0].name, "id");
    assert_string_equal(p->indexes[0].name, "ix_payments_invoice_id");
    relmap_model_free(m);
}

static void test_relationship_keywords(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from sqlalchemy import Column, Integer, ForeignKey, Table\n"
        "from sqlalchemy.orm import declarative_base, relationship, backref\n"
        "Base = declarative_base()\n"
        "tags = Table('post_tags', Base.metadata,\n"
        "    Column('post_id', ForeignKey('post.id'), primary_key=True),\n"
        "    Column('tag_id', ForeignKey('tag.id'), primary_key=True))\n"
        "class Node(Base):\n"
        "    __tablename__ = 'node'\n"
        "    id = Column(Integer, primary_key=True)\n"
        "    parent_id = Column(Integer, ForeignKey('node.id'))\n"
        "    children = relationship('Node', backref=backref('parent', remote_side=[id],"
        " uselist=False, cascade='all', lazy='joined'))\n"
        "class Post(Base):\n"
        "    __tablename__ = 'post'\n"
        "    id = Column(Integer, primary_key=True)\n"
        "    a_id = Column(Integer)\n    b_id = Column(Integer)\n"
        "    tags = relationship(lambda: Tag, secondary=tags, order_by='Tag.id', viewonly=True)\n"
        "    a = relationship('app.models.Node', foreign_keys='[Post.a_id, Post.b_id]',"
        " primaryjoin='Node.id == Post.a_id', uselist=False, overlaps='b', "
        "passive_deletes=True, cascade='all, delete-orphan')\n"
        "    b = relationship('Node', foreign_keys=[a_id], backref='posts_b')\n"
        "class Tag(Base):\n"
        "    __tablename__ = 'tag'\n"
        "    id = Column(Integer, primary_key=True)\n"
        "    posts = relationship('Post', secondary='post_tags', lazy='dynamic')\n");
    const relmap_relationship *r = rel(cls(m, "Node"), "children");
    assert_string_equal(r->target_text, "Node");
    assert_string_equal(r->backref, "parent");
    assert_non_null(r->backref_spec);
    assert_int_equal(r->backref_spec->nremote_side, 1);
    assert_string_equal(r->backref_spec->remote_side[0], "id");
    assert_int_equal(r->backref_spec->uselist, RELMAP_NO);
    assert_string_equal(r->backref_spec->cascade, "all");
    assert_string_equal(r->backref_spec->lazy, "joined");
    const relmap_class *post = cls(m, "Post");
    r = rel(post, "tags");
    assert_string_equal(r->target_text, "Tag");
    assert_string_equal(r->secondary_text, "post_tags");
    assert_true(r->has_order_by);
    assert_true(r->viewonly);
    r = rel(post, "a");
    assert_string_equal(r->target_text, "app.models.Node");
    assert_int_equal(r->nforeign_keys, 2);
    assert_string_equal(r->foreign_keys[0], "Post.a_id");
    assert_string_equal(r->foreign_keys[1], "Post.b_id");
    assert_non_null(r->primaryjoin);
    assert_int_equal(r->uselist, RELMAP_NO);
    assert_string_equal(r->overlaps, "b");
    assert_true(r->passive_deletes);
    assert_string_equal(r->cascade, "all, delete-orphan");
    r = rel(post, "b");
    assert_int_equal(r->nforeign_keys, 1);
    assert_string_equal(r->foreign_keys[0], "a_id");
    assert_string_equal(r->backref, "posts_b");
    assert_int_equal(r->collection, RELMAP_UNSET);
    r = rel(cls(m, "Tag"), "posts");
    assert_string_equal(r->secondary_text, "post_tags");
    assert_string_equal(r->lazy, "dynamic");
    const relmap_table *pt = table(m, "post_tags");
    assert_int_equal(pt->primary_key.ncolumns, 2);
    assert_string_equal(column(pt, "post_id")->type, "INTEGER");
    assert_false(column(pt, "tag_id")->nullable);
    assert_true(m->facts.flavours & RELMAP_FLAVOUR_CORE);
    relmap_model_free(m);
}

static void test_inheritance_and_mixins(void **state)
{
    (void)state;
    relmap_model *m =
        load_src("from sqlalchemy import Column, Integer, String, DateTime, ForeignKey\n"
                 "from sqlalchemy.orm import declarative_base, declared_attr, relationship\n"
                 "Base = declarative_base()\n"
                 "class TimestampMixin:\n"
                 "    created = Column(DateTime)\n"
                 "    @declared_attr\n"
                 "    def owner_id(cls):\n        return Column(ForeignKey('owner.id'))\n"
                 "class Tablenamed:\n"
                 "    @declared_attr\n"
                 "    def __tablename__(cls):\n        return cls.__name__.lower()\n"
                 "class Owner(Base):\n"
                 "    __tablename__ = 'owner'\n    id = Column(Integer, primary_key=True)\n"
                 "class AbstractThing(Base):\n"
                 "    __abstract__ = True\n"
                 "    id = Column(Integer, primary_key=True)\n"
                 "class Employee(TimestampMixin, AbstractThing):\n"
                 "    __tablename__ = 'employee'\n"
                 "    name = Column(String(30))\n"
                 "    type = Column(String(20))\n"
                 "class Manager(Employee):\n"
                 "    boss = Column(String)\n"
                 "class Engineer(Employee):\n"
                 "    __tablename__ = 'engineer'\n"
                 "    id = Column(Integer, ForeignKey('employee.id'), primary_key=True)\n"
                 "class Concrete(Employee):\n"
                 "    __tablename__ = 'concrete'\n"
                 "    __mapper_args__ = {'concrete': True}\n"
                 "    id = Column(Integer, primary_key=True)\n"
                 "class Gadget(Tablenamed, Base):\n"
                 "    id = Column(Integer, primary_key=True)\n");
    const relmap_table *t = table(m, "employee");
    assert_string_equal(columns_line(t),
                        "created DATETIME null; id INTEGER notnull; name VARCHAR(30) null; "
                        "type VARCHAR(20) null; owner_id INTEGER null; boss VARCHAR null");
    const relmap_class *e = cls(m, "Employee");
    assert_ptr_equal(e->table, t);
    assert_int_equal(e->inheritance, RELMAP_INHERIT_NONE);
    assert_true(cls(m, "TimestampMixin")->mixin);
    assert_true(cls(m, "AbstractThing")->abstract);
    const relmap_class *mgr = cls(m, "Manager");
    assert_int_equal(mgr->inheritance, RELMAP_INHERIT_SINGLE);
    assert_ptr_equal(mgr->table, t);
    assert_ptr_equal(mgr->parent, e);
    const relmap_class *eng = cls(m, "Engineer");
    assert_int_equal(eng->inheritance, RELMAP_INHERIT_JOINED);
    assert_string_equal(eng->table->name, "engineer");
    assert_int_equal(cls(m, "Concrete")->inheritance, RELMAP_INHERIT_CONCRETE);
    assert_false(has_table(m, "abstractthing"));
    assert_string_equal(columns_line(table(m, "gadget")), "id INTEGER notnull");
    assert_string_equal(columns_line(table(m, "concrete")), "id INTEGER notnull");
    relmap_model_free(m);
}

static void test_flask_sqlalchemy(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from flask import Flask\n"
        "from flask_sqlalchemy import SQLAlchemy\n"
        "app = Flask(__name__)\n"
        "app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///app.db'\n"
        "database = SQLAlchemy(app)\n"
        "class HTTPRequestLog(database.Model):\n"
        "    id = database.Column(database.Integer, primary_key=True)\n"
        "    user_id = database.Column(database.Integer, database.ForeignKey('user_account.id'))\n"
        "    user = database.relationship('UserAccount', backref=database.backref('logs',"
        " lazy='dynamic'))\n"
        "class UserAccount(database.Model):\n"
        "    id = database.Column(database.Integer, primary_key=True)\n"
        "class Admin(UserAccount):\n"
        "    level = database.Column(database.Integer)\n"
        "class Special(UserAccount):\n"
        "    id = database.Column(database.Integer, database.ForeignKey('user_account.id'),"
        " primary_key=True)\n");
    assert_true(has_table(m, "http_request_log"));
    assert_true(has_table(m, "user_account"));
    assert_true(has_table(m, "special"));
    assert_int_equal(cls(m, "Admin")->inheritance, RELMAP_INHERIT_SINGLE);
    assert_int_equal(cls(m, "Special")->inheritance, RELMAP_INHERIT_JOINED);
    const relmap_relationship *r = rel(cls(m, "HTTPRequestLog"), "user");
    assert_string_equal(r->backref, "logs");
    assert_string_equal(r->backref_spec->lazy, "dynamic");
    assert_int_equal(m->facts.ndatabase_urls, 1);
    assert_string_equal(m->facts.database_urls[0].url, "sqlite:///app.db");
    assert_int_equal(m->facts.database_urls[0].dialect, RELMAP_DIALECT_SQLITE);
    assert_true(m->facts.flavours & RELMAP_FLAVOUR_FLASK);
    relmap_model_free(m);
}

static void test_sqlmodel(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from typing import List, Optional\n"
        "from sqlmodel import Field, Relationship, SQLModel, create_engine\n"
        "class HeroTeamLink(SQLModel, table=True):\n"
        "    team_id: Optional[int] = Field(default=None, foreign_key='team.id',"
        " primary_key=True)\n"
        "    hero_id: Optional[int] = Field(default=None, foreign_key='hero.id',"
        " primary_key=True)\n"
        "class TeamBase(SQLModel):\n"
        "    name: str = Field(index=True)\n"
        "    headquarters: str\n"
        "class Team(TeamBase, table=True):\n"
        "    id: Optional[int] = Field(default=None, primary_key=True)\n"
        "    motto: Optional[str] = Field(default=None, max_length=40)\n"
        "    heroes: List['Hero'] = Relationship(back_populates='teams', link_model=HeroTeamLink)\n"
        "class Hero(SQLModel, table=True):\n"
        "    id: Optional[int] = Field(default=None, primary_key=True)\n"
        "    age: Optional[int] = Field(default=None, index=True)\n"
        "    teams: List[Team] = Relationship(back_populates='heroes', link_model=HeroTeamLink,"
        " sa_relationship_kwargs={'lazy': 'selectin'})\n"
        "engine = create_engine('postgresql://u@h/db')\n");
    const relmap_table *t = table(m, "team");
    assert_string_equal(columns_line(t), "name VARCHAR notnull; headquarters VARCHAR notnull; "
                                         "id INTEGER notnull; motto VARCHAR(40) null");
    assert_int_equal(t->nindexes, 1);
    assert_string_equal(t->indexes[0].name, "ix_team_name");
    const relmap_table *link = table(m, "heroteamlink");
    assert_int_equal(link->primary_key.ncolumns, 2);
    assert_int_equal(link->nfks, 2);
    const relmap_relationship *r = rel(cls(m, "Team"), "heroes");
    assert_string_equal(r->target_text, "Hero");
    assert_string_equal(r->secondary_text, "heroteamlink");
    assert_int_equal(r->collection, RELMAP_YES);
    r = rel(cls(m, "Hero"), "teams");
    assert_string_equal(r->target_text, "Team");
    assert_string_equal(r->lazy, "selectin");
    assert_int_equal(m->facts.database_urls[0].dialect, RELMAP_DIALECT_POSTGRES);
    assert_true(m->facts.flavours & RELMAP_FLAVOUR_SQLMODEL);
    relmap_model_free(m);
}

static void test_other_bases(void **state)
{
    (void)state;
    relmap_model *m = load_src(
        "from sqlalchemy import Column, Integer\n"
        "from sqlalchemy.orm import registry, as_declarative\n"
        "mapper_registry = registry()\n"
        "Base = mapper_registry.generate_base()\n"
        "Other = registry().generate_base()\n"
        "class A(Base):\n    __tablename__ = 'a'\n    id = Column(Integer, primary_key=True)\n"
        "class B(Other):\n    __tablename__ = 'b'\n    id = Column(Integer, primary_key=True)\n"
        "@mapper_registry.mapped\n"
        "class C:\n    __tablename__ = 'c'\n    id = Column(Integer, primary_key=True)\n"
        "@as_declarative()\n"
        "class Root:\n    id = Column(Integer, primary_key=True)\n"
        "class D(Root):\n    __tablename__ = 'd'\n"
        "class NotMapped:\n    __tablename__ = 'nope'\n");
    assert_true(has_table(m, "a"));
    assert_true(has_table(m, "b"));
    assert_true(has_table(m, "c"));
    assert_string_equal(columns_line(table(m, "d")), "id INTEGER notnull");
    assert_false(has_table(m, "nope"));
    relmap_model_free(m);
}

static void test_facts(void **state)
{
    (void)state;
    relmap_model *m =
        load_src("import os\n"
                 "from sqlalchemy import create_engine, event\n"
                 "from sqlalchemy.engine import Engine\n"
                 "DATABASE_URL = os.getenv('DATABASE_URL', 'mysql+pymysql://u@h/db')\n"
                 "engine = create_engine(DATABASE_URL)\n"
                 "config = {'SQLALCHEMY_DATABASE_URI': os.environ.get('X', 'sqlite:///a.db')}\n"
                 "\"\"\"PRAGMA foreign_keys=ON in a docstring does nothing.\"\"\"\n"
                 "@event.listens_for(Engine, 'connect')\n"
                 "def fk_on(dbapi_connection, record):\n"
                 "    cursor = dbapi_connection.cursor()\n"
                 "    cursor.execute('PRAGMA foreign_keys = ON')\n");
    assert_true(m->facts.pragma_foreign_keys);
    assert_int_equal(m->facts.ndatabase_urls, 2);
    assert_string_equal(m->facts.database_urls[0].url, "mysql+pymysql://u@h/db");
    assert_int_equal(m->facts.database_urls[0].dialect, RELMAP_DIALECT_MYSQL);
    assert_string_equal(m->facts.database_urls[1].url, "sqlite:///a.db");
    relmap_location loc;
    assert_int_equal(relmap_span_locate(m, m->facts.pragma_foreign_keys_span, &loc), 0);
    assert_int_equal(loc.line, 11);
    relmap_model_free(m);

    m = load_src("conn.execute('PRAGMA foreign_keys=OFF')\n");
    assert_false(m->facts.pragma_foreign_keys);
    relmap_model_free(m);
}

static void test_package(void **state)
{
    (void)state;
    put("app/__init__.py", "");
    put("app/models/__init__.py", "from .user import User\n");
    put("app/models/base.py", "from sqlalchemy.orm import declarative_base\n"
                              "Base = declarative_base()\n");
    put("app/models/mixins.py",
        "import sqlalchemy as sa\n"
        "class IdMixin:\n    id = sa.Column(sa.Integer, primary_key=True)\n");
    put("app/models/user.py", "import sqlalchemy as sa\n"
                              "from .base import Base\n"
                              "from app.models.mixins import IdMixin\n"
                              "class User(IdMixin, Base):\n    __tablename__ = 'users'\n"
                              "    name = sa.Column(sa.String)\n");
    put("app/models/order.py", "import sqlalchemy as sa\n"
                               "from . import base\n"
                               "from .user import User\n"
                               "assoc = sa.Table('assoc', base.Base.metadata,"
                               " sa.Column('x', sa.Integer))\n"
                               "class Order(base.Base):\n    __tablename__ = 'orders'\n"
                               "    id = sa.Column(sa.Integer, primary_key=True)\n"
                               "    user_id = sa.Column(sa.ForeignKey(User.id))\n"
                               "    user = sa.orm.relationship(User, secondary=assoc)\n");
    put("app/broken.py", "def f(:\n    pass\nclass Fine:\n    pass\n");
    put("venv/pyvenv.cfg", "");
    put("venv/lib/x.py", "Base = 1\n");
    put("env2/pyvenv.cfg", "");
    put("env2/y.py", "Base = 1\n");
    put("node_modules/z.py", "Base = 1\n");
    put("build/gen.py", "Base = 1\n");
    put("keep/gen.py", "Base = 1\n");
    put("keep/skip_me.py", "Base = 1\n");
    put(".gitignore", "build/\n*.pyc\nskip_*.py\n");
    relmap_model *m = load_dir();
    assert_int_equal(m->nsources, 8);
    const relmap_table *orders = table(m, "orders");
    assert_string_equal(orders->fks[0].ref_table_name, "users");
    assert_string_equal(column(orders, "user_id")->type, "INTEGER");
    assert_string_equal(columns_line(table(m, "users")), "id INTEGER notnull; name VARCHAR null");
    const relmap_class *o = cls(m, "Order");
    assert_string_equal(o->module, "app.models.order");
    assert_string_equal(rel(o, "user")->target_text, "User");
    assert_string_equal(rel(o, "user")->secondary_text, "assoc");
    assert_true(m->nsyntax_errors >= 1);
    relmap_location loc;
    assert_int_equal(relmap_span_locate(m, m->syntax_errors[0].span, &loc), 0);
    assert_non_null(strstr(loc.path, "app/broken.py"));
    assert_int_equal(loc.line, 1);
    relmap_model_free(m);
}

static void test_errors(void **state)
{
    (void)state;
    relmap_model *m = NULL;
    put("empty/readme.txt", "nothing\n");
    char *path = fx_join(g_dir, "empty");
    assert_int_equal(load_path(path, &m), RELMAP_EIO);
    assert_null(m);
    assert_non_null(strstr(relmap_error_last(), "a directory with no .py files under it"));
    free(path);
    /* NUL bytes and invalid UTF-8 are syntax errors, not failures. */
    const char bad[] = "x = 1\n\xff\xfe = 2\nclass A:\n    y = '\0'\n";
    path = fx_join(g_dir, "bad.py");
    assert_int_equal(fx_write_file(path, bad, sizeof bad - 1), 0);
    assert_int_equal(load_path(path, &m), 0);
    assert_true(m->nsyntax_errors >= 1);
    relmap_model_free(m);
    free(path);
    /* Cycles of bases and of imports end. */
    put("cyc/a.py", "from b import B\nclass A(B):\n    pass\n");
    put("cyc/b.py", "from a import A\nclass B(A):\n    pass\nX = Y\nY = X\nclass C(X):\n"
                    "    pass\n");
    path = fx_join(g_dir, "cyc");
    assert_int_equal(load_path(path, &m), 0);
    relmap_model_free(m);
    free(path);
}

/* 2,000 classes in 200 files must read in well under the time limit. */
static void test_large_package(void **state)
{
    (void)state;
    put("pkg/base.py", "from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n");
    char name[64], *buf = malloc(1 << 20);
    for (int f = 0; f < 200; f++) {
        size_t k = (size_t)snprintf(buf, 1 << 20,
                                    "from sqlalchemy import Column, Integer, String, ForeignKey\n"
                                    "from sqlalchemy.orm import relationship\n"
                                    "from .base import Base\n");
        for (int c = 0; c < 10; c++) {
            int n = f * 10 + c;
            k += (size_t)snprintf(buf + k, (1 << 20) - k,
                                  "class M%d(Base):\n    __tablename__ = 't%d'\n"
                                  "    id = Column(Integer, primary_key=True)\n"
                                  "    name = Column(String(40), index=True)\n"
                                  "    prev_id = Column(ForeignKey('t%d.id'))\n"
                                  "    prev = relationship('M%d', backref='next')\n",
                                  n, n, n ? n - 1 : 0, n ? n - 1 : 0);
        }
        snprintf(name, sizeof name, "pkg/m%03d.py", f);
        put(name, buf);
    }
    free(buf);
    char *path = fx_join(g_dir, "pkg");
    relmap_model *m = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(load_path(path, &m), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    assert_int_equal(m->ntables, 2000);
    assert_string_equal(column(table(m, "t5"), "prev_id")->type, "INTEGER");
    /* Generous: sanitizer builds are several times slower than release. */
    assert_true(s < 5.0);
    relmap_model_free(m);
    free(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_classic_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typed_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_annotated_and_type_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relationship_keywords, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inheritance_and_mixins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flask_sqlalchemy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sqlmodel, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_bases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_facts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_package, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_package, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
