-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "sendNextAt" TIMESTAMP(3),
ADD COLUMN     "sendPace" TEXT;

