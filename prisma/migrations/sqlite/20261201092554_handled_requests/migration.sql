-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedEvent";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "HandledRequest" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT,
    "handledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "HandledRequest_handledAt_idx" ON "HandledRequest"("handledAt");

-- CreateIndex
CREATE INDEX "HandledRequest_workspaceId_idx" ON "HandledRequest"("workspaceId");

