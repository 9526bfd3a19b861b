"""Documents are publications: the same text from another outlet or URL is another document.

Adds `documents.publication` (the text's sha256 with the outlet and URL, see
`claimgraph.model.Document.publication`), unique, filled for the documents already stored;
`documents.sha256` (of the text) is no longer unique, only indexed. Stored document ids stay
as they are.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07 23:30:00.000000

"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def publication(sha256: str, outlet: str | None, url: str | None) -> str:
    """The publication hash as revision 0003 defines it (frozen here, as migrations are)."""
    if not outlet and not url:
        return sha256
    return hashlib.sha256(f"{sha256}\n{outlet or ''}\n{url or ''}".encode()).hexdigest()


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("publication", sa.String(length=64), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT d.id, d.sha256, o.name, d.url FROM documents d "
            "LEFT JOIN outlets o ON o.id = d.outlet_id"
        )
    ).fetchall()
    for document_id, sha256, outlet, url in rows:
        connection.execute(
            sa.text("UPDATE documents SET publication = :key WHERE id = :id"),
            {"key": publication(sha256, outlet, url), "id": document_id},
        )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.alter_column("publication", existing_type=sa.String(length=64), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_documents_sha256"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_documents_publication"), ["publication"])
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    """Downgrade schema (fails while two stored documents share a text)."""
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))
        batch_op.drop_constraint(batch_op.f("uq_documents_publication"), type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_documents_sha256"), ["sha256"])
        batch_op.drop_column("publication")
