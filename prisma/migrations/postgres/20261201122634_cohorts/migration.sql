-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "cohortSharing" TEXT NOT NULL DEFAULT 'counts',
ADD COLUMN     "introsOpen" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Cohort" DROP COLUMN "goal",
DROP COLUMN "welcomeText",
ADD COLUMN     "digestMinute" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "weeklyGoal" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "welcomeJoiners" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "CohortMembership" DROP COLUMN "openToIntros",
DROP COLUMN "shareProgress",
ADD COLUMN     "welcomedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CohortPost" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'sending',
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "channelId" TEXT,
    "messageTs" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CohortPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntroRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "classmateId" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "matches" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "contactId" TEXT,
    "createdContactId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "requesterToldAt" TIMESTAMP(3),

    CONSTRAINT "IntroRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CohortPost_workspaceId_idx" ON "CohortPost"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortPost_cohortId_kind_week_recipientId_key" ON "CohortPost"("cohortId", "kind", "week", "recipientId");

-- CreateIndex
CREATE INDEX "IntroRequest_workspaceId_idx" ON "IntroRequest"("workspaceId");

-- CreateIndex
CREATE INDEX "IntroRequest_status_createdAt_idx" ON "IntroRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "IntroRequest_requesterId_idx" ON "IntroRequest"("requesterId");

-- CreateIndex
CREATE INDEX "IntroRequest_classmateId_idx" ON "IntroRequest"("classmateId");

-- AddForeignKey
ALTER TABLE "CohortPost" ADD CONSTRAINT "CohortPost_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroRequest" ADD CONSTRAINT "IntroRequest_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroRequest" ADD CONSTRAINT "IntroRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntroRequest" ADD CONSTRAINT "IntroRequest_classmateId_fkey" FOREIGN KEY ("classmateId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

