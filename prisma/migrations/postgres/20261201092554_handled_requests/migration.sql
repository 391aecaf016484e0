-- DropTable
DROP TABLE "ProcessedEvent";

-- CreateTable
CREATE TABLE "HandledRequest" (
    "key" TEXT NOT NULL,
    "workspaceId" TEXT,
    "handledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandledRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "HandledRequest_handledAt_idx" ON "HandledRequest"("handledAt");

-- CreateIndex
CREATE INDEX "HandledRequest_workspaceId_idx" ON "HandledRequest"("workspaceId");

